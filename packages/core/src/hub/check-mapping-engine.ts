import type { AnyConnector } from "../connector/connector";
import type { ConfigIssue } from "../errors/config-error";

/**
 * The problems of a hub that has no mapping engine: every connector with default mappings (records in the external
 * system's own field names) needs one, or each of its records would fail. Connectors whose `defaultMappings` are
 * empty declare that their records already carry internal field names; they work without an engine.
 */
export function checkMappingEngine(
  connectors: ReadonlyArray<AnyConnector>,
  hasEngine: boolean,
): ConfigIssue[] {
  if (hasEngine) return [];
  return connectors.flatMap((connector) => {
    const kinds = Object.keys(connector.defaultMappings);
    if (kinds.length === 0) return [];
    return [
      {
        path: ["mapping"],
        code: "mapping_engine_missing",
        message:
          `connector "${connector.id}" maps its ${kinds.join(" and ")} records with default mappings, so the hub ` +
          `needs a mapping engine: pass \`mapping: fieldMappingEngine()\` from @uslimato/field-mapping`,
      },
    ];
  });
}
