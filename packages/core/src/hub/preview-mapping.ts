import type { JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { MappedRecord, MappingIssue } from "../mapping/mapping-engine";
import type { HubCore } from "./hub-core";

/** What a mapping preview shows: the mapped samples, or why the mapping is invalid. */
export type MappingPreview = { ok: true; records: MappedRecord[] } | { ok: false; issues: MappingIssue[] };

/** Options of a mapping preview. */
export interface PreviewMappingOptions {
  /** Overrides to try instead of the integration's stored ones (an admin's unsaved edit). */
  overrides?: JsonValue;
}

/**
 * Maps sample external records of any kind (users, devices, assets) with the connector's default mapping merged
 * with the integration's overrides (or the ones given), without storing anything.
 */
export async function previewMapping(
  core: HubCore,
  id: string,
  kind: EntityKind,
  samples: ReadonlyArray<Readonly<Record<string, unknown>>>,
  options: PreviewMappingOptions = {},
): Promise<MappingPreview> {
  const record = await core.load(id);
  const connector = core.registry.get(record.connectorId);
  const input = {
    kind,
    defaults: connector.defaultMappings[kind],
    overrides: "overrides" in options ? options.overrides : record.mappings[kind],
  };
  const issues = core.mapping.validate(input);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, records: core.mapping.compile(input).mapPage(samples) };
}
