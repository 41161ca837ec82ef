import type { DirectoryBatch } from "@uslimato/core/storage";

/** A link the page writes, with the marks that land on it in the same step. */
export interface NewLink {
  externalId: string;
  userId: string;
  /** The page's sweep saw it. */
  seen: boolean;
  /** What the page reports of its user (`reportedInactive` over `reportedActive`); null: not reported. */
  reported: boolean | null;
  /** Known to have no link yet: inserted without a conflict check. */
  fresh: boolean;
}

/** What a page changes on a link it does not write: the sweep's mark, a pending mark and the reported status. */
export interface LinkStatus {
  externalId: string;
  seen: boolean;
  /** `clearPendingDeactivation` over `markPendingDeactivation`; null: unchanged. */
  pending: boolean | null;
  reported: boolean | null;
}

/** A page's changes to `user_links`, sorted by the statement that writes them. */
export interface LinkChanges {
  /** The page's links (last per external id), written by one upsert. */
  links: NewLink[];
  /** Every other external id the page marks or reports, written by one update. */
  statuses: LinkStatus[];
  /** Pending marks on links the page also writes: applied after the upsert, in a statement of their own. */
  pendingOfLinks: Array<{ externalId: string; pending: boolean }>;
}

/**
 * Sorts a page's link changes so that each link row is written once per statement: the links it writes carry the
 * sweep's mark and the reported status in the upsert itself; every other link it sees, marks or reports gets all of
 * that in one update. Those columns do not depend on each other, so writing them together is the same as the
 * contract's steps one after the other (pending marks, then reported status; clears over marks, inactive over
 * active). Only a pending mark on a link the page also writes needs a later statement (the upsert's new row is not
 * visible to another part of the same statement). `fresh` tells links known to be new (see `AbsentLinks`).
 */
export function linkChanges(
  batch: DirectoryBatch,
  fresh: (link: { externalId: string; userId: string }) => boolean = () => false,
): LinkChanges {
  const users = batch.users;
  const reported = new Map<string, boolean>();
  for (const id of users?.reportedActive ?? []) reported.set(id, true);
  for (const id of users?.reportedInactive ?? []) reported.set(id, false);
  const pending = new Map<string, boolean>();
  for (const id of users?.markPendingDeactivation ?? []) pending.set(id, true);
  for (const id of users?.clearPendingDeactivation ?? []) pending.set(id, false);
  const seen = new Set(batch.seen?.users ?? []);
  // The last link per external id, in the order the ids first appear (a multi-row insert may touch a row once).
  const linked = new Map<string, { externalId: string; userId: string }>();
  for (const link of users?.link ?? []) linked.set(link.externalId, link);
  const links: NewLink[] = [];
  for (const l of linked.values()) {
    links.push({
      externalId: l.externalId,
      userId: l.userId,
      seen: seen.has(l.externalId),
      reported: reported.get(l.externalId) ?? null,
      fresh: fresh(l),
    });
  }
  const statuses: LinkStatus[] = [];
  const listed = new Set<string>();
  const list = (externalId: string) => {
    if (linked.has(externalId) || listed.has(externalId)) return;
    listed.add(externalId);
    statuses.push({
      externalId,
      seen: seen.has(externalId),
      pending: pending.get(externalId) ?? null,
      reported: reported.get(externalId) ?? null,
    });
  };
  for (const externalId of seen) list(externalId);
  for (const externalId of pending.keys()) list(externalId);
  for (const externalId of reported.keys()) list(externalId);
  const pendingOfLinks = [...pending]
    .filter(([externalId]) => linked.has(externalId))
    .map(([externalId, value]) => ({ externalId, pending: value }));
  return { links, statuses, pendingOfLinks };
}
