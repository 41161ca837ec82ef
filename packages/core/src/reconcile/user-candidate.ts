import type { JsonObject } from "../connector/json";
import type { MappedRecord } from "../mapping/mapping-engine";
import type { SyncErrorDetail } from "../sync-log/sync-log";
import { checkEmail } from "./check-email";
import { findUnstorableText, textProblem } from "./find-unstorable-text";

/** A source user after mapping, ready for reconciliation. */
export interface UserCandidate {
  externalId: string;
  /** Normalized email, or null when the mapping gave none. */
  email: string | null;
  /** `undefined` when the field is not to be written for this record (skipped, or not produced by the mapping). */
  displayName: string | null | undefined;
  active: boolean | undefined;
  /** The other mapped fields; a frozen empty object (one for all) when the mapping gave none. Never changed. */
  attributes: JsonObject;
  /** Fields written only on create. */
  createOnly: ReadonlySet<string>;
  /** Problems with single fields (the record is still applied without them). */
  warnings: SyncErrorDetail[];
  /**
   * Why the whole record fails (an email the identity rule refuses, text storage cannot hold); nothing of a
   * failed record is applied. Absent when the record is fine.
   */
  failure?: SyncErrorDetail;
}

const NO_WARNINGS: SyncErrorDetail[] = [];
const NO_SKIPS: ReadonlySet<string> = new Set();
/** The attributes of every candidate whose mapping gives none (most): one frozen object instead of one each. */
const NO_ATTRIBUTES: JsonObject = Object.freeze({}) as JsonObject;

/**
 * Turns a mapped record into a {@link UserCandidate}; field errors become warnings and the field is skipped.
 * An email the identity rule refuses (see `checkEmail`) and a NUL character or unpaired surrogate anywhere in
 * the record make it a failed record (`failure`).
 */
export function toUserCandidate(
  externalId: string,
  mapped: MappedRecord,
  createOnly: ReadonlySet<string>,
): UserCandidate {
  let skip = NO_SKIPS;
  let warnings = NO_WARNINGS;
  if (mapped.skip.length > 0 || mapped.errors.length > 0) {
    const skipped = new Set(mapped.skip);
    warnings = [];
    for (const error of mapped.errors) {
      skipped.add(error.target);
      warnings.push({
        externalId,
        kind: "user",
        field: error.target,
        code: error.code,
        message: error.message,
        severity: "warning",
      });
    }
    skip = skipped;
  }
  const values = mapped.values;
  let attributes: JsonObject | null = null;
  for (const key in values) {
    if (key === "email" || key === "displayName" || key === "active") continue;
    const value = values[key];
    if (skip.has(key) || value === undefined) continue;
    attributes ??= {};
    attributes[key] = toJson(value);
  }
  const { email, displayName, active } = values;
  const checked = skip.has("email") ? null : checkEmail(email);
  const candidate: UserCandidate = {
    externalId,
    email: checked?.ok ? checked.email : null,
    // A mapping that does not produce the display name leaves it alone (several sources per user).
    displayName:
      skip.has("displayName") || displayName === undefined
        ? undefined
        : displayName === null
          ? null
          : String(displayName),
    active: skip.has("active") || active === undefined || active === null ? undefined : toBoolean(active),
    attributes: attributes ?? NO_ATTRIBUTES,
    createOnly,
    warnings,
  };
  const failure = failureOf(candidate, checked);
  if (failure) candidate.failure = failure;
  return candidate;
}

function failureOf(candidate: UserCandidate, checked: ReturnType<typeof checkEmail> | null) {
  const { externalId } = candidate;
  const idProblem = textProblem(externalId);
  if (idProblem) return userFailure(externalId, "externalId", `The external id holds ${idProblem}`);
  if (checked && !checked.ok && !checked.missing)
    return userFailure(
      externalId,
      "email",
      `The email address ${checked.reason}; such an address could pass for another person's, so the record was not applied`,
    );
  const text =
    (typeof candidate.displayName === "string"
      ? findUnstorableText(candidate.displayName, "displayName")
      : null) ?? findUnstorableText(candidate.attributes, "");
  if (text)
    return userFailure(
      externalId,
      text.path,
      `The field "${text.path}" holds ${text.problem}, which storage cannot hold; the record was not applied`,
    );
  return undefined;
}

function userFailure(externalId: string, field: string, message: string): SyncErrorDetail {
  return {
    externalId: textProblem(externalId) ? JSON.stringify(externalId).slice(1, -1) : externalId,
    kind: "user",
    field,
    code: "RECORD_INVALID",
    message,
    severity: "error",
  };
}

function toBoolean(value: unknown): boolean {
  if (typeof value === "string") return value.trim().toLowerCase() !== "false" && value.trim() !== "0";
  return Boolean(value);
}

function toJson(value: unknown): JsonObject[string] {
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return JSON.parse(JSON.stringify(value)) as JsonObject[string];
}
