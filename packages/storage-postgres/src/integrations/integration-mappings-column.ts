import type { IntegrationRecord, JsonObject } from "@uslimato/core";

/** The key under which the integration's own guard rides in the `mappings` JSON column (no schema change). */
const GUARD_KEY = "$guard";

/** The `mappings` column's JSON: the record's mappings, plus its guard when it has one. */
export function toMappingsColumn(record: IntegrationRecord): string {
  return JSON.stringify(record.guard ? { ...record.mappings, [GUARD_KEY]: record.guard } : record.mappings);
}

/** Splits the `mappings` column's JSON back into the record's mappings and guard. */
export function fromMappingsColumn(value: JsonObject): Pick<IntegrationRecord, "mappings" | "guard"> {
  const { [GUARD_KEY]: guard, ...mappings } = value;
  return guard && typeof guard === "object" && !Array.isArray(guard)
    ? { mappings, guard: guard as IntegrationRecord["guard"] & JsonObject }
    : { mappings };
}
