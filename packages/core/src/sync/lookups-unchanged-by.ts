import type { DirectoryBatch, UserLookup } from "../storage/storage-adapter";

/** One `findUsers` call: what was asked and what was found. */
export interface RecordedLookup {
  query: { externalIds: ReadonlyArray<string>; emails: ReadonlyArray<string> };
  result: UserLookup;
}

/**
 * Whether the user lookups of a page planned ahead still hold once `batch` (the page before it) is applied: true
 * when the batch touches none of the links, emails or users they asked for or found, so they would find the same
 * after it. A batch touches the links it writes or marks pending, the emails it creates or sets, the users it
 * updates or links to; ending a user sweep marks links anywhere, so it touches them all. Reported statuses and
 * sweep marks are not part of a lookup.
 */
export function lookupsUnchangedBy(lookups: ReadonlyArray<RecordedLookup>, batch: DirectoryBatch): boolean {
  // No lookup ran before the batch was written (the write did not wait on I/O, as in memory): nothing to check.
  if (lookups.length === 0) return true;
  if (batch.finishSweep?.kind === "user") return false;
  const users = batch.users;
  if (!users) return true;
  const externalIds = new Set<string>();
  const emails = new Set<string>();
  const userIds = new Set<string>();
  for (const link of users.link ?? []) {
    externalIds.add(link.externalId);
    userIds.add(link.userId);
  }
  for (const id of users.markPendingDeactivation ?? []) externalIds.add(id);
  for (const id of users.clearPendingDeactivation ?? []) externalIds.add(id);
  for (const user of users.create ?? []) emails.add(user.email);
  for (const update of users.update ?? []) {
    userIds.add(update.userId);
    if (update.set.email !== undefined) emails.add(update.set.email);
  }
  if (externalIds.size + emails.size + userIds.size === 0) return true;
  return lookups.every(
    ({ query, result }) =>
      !query.externalIds.some((id) => externalIds.has(id)) &&
      !query.emails.some((email) => emails.has(email)) &&
      !result.byExternalId.some((m) => userIds.has(m.user.id)) &&
      !result.byEmail.some(
        (m) => userIds.has(m.user.id) || m.linkedExternalIds.some((id) => externalIds.has(id)),
      ),
  );
}
