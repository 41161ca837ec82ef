import type { JsonObject } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { MappedRecord } from "../mapping/mapping-engine";
import { findUnstorableText, textProblem, type UnstorableText } from "../reconcile/find-unstorable-text";
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
  // Most records skip nothing and have no field errors: no set and no warnings array to build then.
  const noErrors = mapped.errors.length === 0;
  // Skipped targets are few (an `ignoreIfEmpty` rule's empty field): a list is searched, a set is built only for
  // a record with field errors.
  const skipped = mapped.skip;
  const skip = noErrors ? undefined : new Set(skipped);
  const warnings: SyncErrorDetail[] = noErrors
    ? []
    : mapped.errors.map((error) => {
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
  const values = mapped.values;
  // The first unstorable text in field order (as a walk of `fields` would find it), found while copying.
  let text: UnstorableText | null = null;
  let protoKey = false;
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (value === undefined || (skip ? skip.has(key) : skipped.length > 0 && skipped.includes(key))) continue;
    const json = toJsonValue(value);
    fields[key] = json;
    if (key === "__proto__") protoKey = true;
    else if (text === null) text = unstorableField(key, json);
  }
  // An assigned "__proto__" field changes what a walk of `fields` sees: walk it then, as before.
  if (protoKey) text = findUnstorableText(fields, "");
  const failure = unstorableFailure(externalId, kind, text);
  return failure ? { fields, warnings, failure } : { fields, warnings };
}

/** The unstorable text in one top-level field (its key first, then its value), as `findUnstorableText` reports it. */
function unstorableField(key: string, value: JsonObject[string]): UnstorableText | null {
  const keyProblem = textProblem(key);
  if (keyProblem) return { path: " (a key)", problem: keyProblem };
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { path: key, problem } : null;
  }
  return findUnstorableText(value, key);
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
  fieldText: UnstorableText | null,
): SyncErrorDetail | undefined {
  const idProblem = textProblem(externalId);
  const text = idProblem ? { path: "externalId", problem: idProblem } : fieldText;
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
