import type { JsonObject } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { MappedRecord } from "../mapping/mapping-engine";
import { findUnstorableText, textProblem } from "../reconcile/find-unstorable-text";
import type { SyncErrorDetail } from "../sync-log/sync-log";

/**
 * A mapped record reduced to JSON fields, with its field errors as warnings. `failure` is set when the record
 * (its external id or any string in it) holds text storage cannot hold (NUL, unpaired surrogates): such a
 * record fails alone and nothing of it is written.
 */
export function jsonFieldsOf(
  mapped: MappedRecord,
  externalId: string,
  kind: EntityKind,
): { fields: JsonObject; warnings: SyncErrorDetail[]; failure?: SyncErrorDetail } {
  // Most records skip nothing and have no field errors: no set to build then.
  const skip = mapped.skip.length > 0 || mapped.errors.length > 0 ? new Set(mapped.skip) : undefined;
  const warnings: SyncErrorDetail[] = mapped.errors.map((error) => {
    skip?.add(error.target);
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
    if (value === undefined || skip?.has(key)) continue;
    fields[key] = toJsonValue(value);
  }
  const failure = unstorableFailure(externalId, kind, fields);
  return failure ? { fields, warnings, failure } : { fields, warnings };
}

/**
 * A mapped value as JSON: strings, booleans and null as they are, numbers as JSON writes them (non-finite ones
 * become null), dates as ISO strings, anything else through a JSON round trip (a deep copy without `undefined`s).
 * The scalar paths matter: nearly every mapped field is one, and the round trip costs more than the rest of a
 * record's mapping.
 */
function toJsonValue(value: unknown): JsonObject[string] {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    default:
      if (value === null) return null;
      if (value instanceof Date) return value.toISOString();
      return JSON.parse(JSON.stringify(value)) as JsonObject[string];
  }
}

/** A per-record failure when the external id or a field holds text storage cannot hold. */
function unstorableFailure(
  externalId: string,
  kind: EntityKind,
  fields: JsonObject,
): SyncErrorDetail | undefined {
  const idProblem = textProblem(externalId);
  const text = idProblem ? { path: "externalId", problem: idProblem } : findUnstorableText(fields, "");
  if (!text) return undefined;
  return {
    externalId: idProblem ? JSON.stringify(externalId).slice(1, -1) : externalId,
    kind,
    field: text.path,
    code: "RECORD_INVALID",
    message: `The field "${text.path}" holds ${text.problem}, which storage cannot hold; the record was not applied`,
    severity: "error",
  };
}
