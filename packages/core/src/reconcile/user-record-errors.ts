import type { SyncErrorDetail } from "../sync-log/sync-log";
import type { UserCandidate } from "./user-candidate";
import type { UserState } from "./user-state";

/** A failed user record. */
function userRecordError(externalId: string, field: string, code: string, message: string): SyncErrorDetail {
  return { externalId, kind: "user", field, code, message, severity: "error" };
}

/** A record without an address to match on. */
export function missingEmailError(candidate: UserCandidate): SyncErrorDetail {
  return userRecordError(
    candidate.externalId,
    "email",
    "RECORD_INVALID",
    "The record has no email address (mail or userPrincipalName) to match on",
  );
}

/** A linked user's new email that another host user holds: the whole record waits. */
export function emailTakenError(
  candidate: UserCandidate,
  mine: UserState,
  holder: UserState,
): SyncErrorDetail {
  const other = holder.externalId === undefined ? "" : ` (linked to source user ${holder.externalId})`;
  return userRecordError(
    candidate.externalId,
    "email",
    "RECORD_EMAIL_TAKEN",
    `Source user ${candidate.externalId} (host user ${mine.id}) changed its email to ${candidate.email}, which host user ${holder.id}${other} holds; nothing of the record was applied, and the next run tries again`,
  );
}

/** A second source user with an email another source user of this integration holds. */
export function duplicateEmailError(candidate: UserCandidate, holder: UserState): SyncErrorDetail {
  return userRecordError(
    candidate.externalId,
    "email",
    "RECORD_DUPLICATE_EMAIL",
    `Source user ${candidate.externalId} has the email ${candidate.email}, which source user ${holder.externalId} (host user ${holder.id}) already has; nothing of the record was applied, and the next run tries again`,
  );
}
