import type { JsonObject } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { MappedRecord } from "../mapping/mapping-engine";
import type { SyncErrorDetail } from "../sync-log/sync-log";

/** A mapped record reduced to JSON fields, with its field errors as warnings. */
export function jsonFieldsOf(
  mapped: MappedRecord,
  externalId: string,
  kind: EntityKind,
): { fields: JsonObject; warnings: SyncErrorDetail[] } {
  const skip = new Set(mapped.skip);
  const warnings: SyncErrorDetail[] = mapped.errors.map((error) => {
    skip.add(error.target);
    return {
      externalId,
      kind,
      field: error.target,
      code: error.code,
      message: error.message,
      severity: "warning",
    };
  });
  const fields: JsonObject = {};
  for (const [key, value] of Object.entries(mapped.values)) {
    if (skip.has(key) || value === undefined) continue;
    fields[key] =
      value instanceof Date ? value.toISOString() : (JSON.parse(JSON.stringify(value)) as JsonObject[string]);
  }
  return { fields, warnings };
}
