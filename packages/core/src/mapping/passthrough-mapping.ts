import type { MappedRecord, MappingEngine, RecordMapper } from "./mapping-engine";

const NO_FIELDS: ReadonlySet<string> = new Set();

const passthroughMapper: RecordMapper = {
  createOnly: NO_FIELDS,
  mapPage: (records) =>
    records.map((values): MappedRecord => ({ values: { ...values }, skip: [], errors: [] })),
};

/**
 * A mapping engine for connectors whose records already carry internal field names: every external field is
 * taken as it is. The hub uses it when the host passes no engine. It cannot apply mappings, so it refuses any
 * mapping an integration is given instead of ignoring it.
 */
export const passthroughMapping: MappingEngine = {
  compile: () => passthroughMapper,
  validate: ({ overrides }) =>
    overrides === undefined || overrides === null
      ? []
      : [
          {
            path: [],
            message:
              "the hub has no mapping engine to apply this mapping; pass `mapping: fieldMappingEngine()` from @uslimato/field-mapping to createHub",
          },
        ],
};
