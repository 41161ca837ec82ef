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
  const failure = unstorableFailure(externalId, kind, fields);
  return failure ? { fields, warnings, failure } : { fields, warnings };
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
