import type { DirectoryBatch } from "../storage-adapter";
import { copyAttributes } from "./copy-attributes";
import { insertMemoryUsers } from "./insert-memory-users";
import { resolveWaitingByEmails, resolveWaitingByLinks } from "./memory-record-owners";
import type { MemoryDirectory, MemoryLink, MemoryState } from "./memory-state";
import { attachLink, detachLink } from "./memory-user-links";

const NONE: ReadonlyArray<never> = [];

/**
 * Applies a batch's user creates, updates, links and pending marks, in that order. The creates are checked as they
 * go in (`STORAGE_CONFLICT`, nothing written); the updates' email changes must have been checked before (see
 * `checkMemoryBatch`), and nothing after the creates can fail.
 */
export function applyMemoryUsers(
  state: MemoryState,
  integrationId: string,
  directory: MemoryDirectory,
  users: NonNullable<DirectoryBatch["users"]>,
  now: Date,
): void {
  const create = users.create ?? NONE;
  insertMemoryUsers(state, create, now);
  const changedEmails: Array<{ id: string; email: string }> = [];
  for (const { userId, set } of users.update ?? NONE) {
    const user = state.users.get(userId);
    if (!user) continue;
    if (set.email !== undefined && set.email !== user.email) {
      if (state.usersByEmail.get(user.email) === user) state.usersByEmail.delete(user.email);
      state.usersByEmail.set(set.email, user);
      user.email = set.email;
      changedEmails.push({ id: userId, email: set.email });
    }
    if (set.displayName !== undefined) user.displayName = set.displayName;
    if (set.active !== undefined) user.active = set.active;
    if (set.attributes !== undefined) user.attributes = copyAttributes(set.attributes);
    user.updatedAt = now;
  }
  const links = directory.links;
  const newLinks = users.link ?? NONE;
  for (let i = 0; i < newLinks.length; i++) {
    const { externalId, userId } = newLinks[i]!;
    const existing = links.get(externalId);
    if (existing === undefined) {
      const link: MemoryLink = {
        integrationId,
        externalId,
        userId,
        user: null,
        pendingDeactivation: false,
        reportedActive: true,
        lastSeen: null,
      };
      links.set(externalId, link);
      attachLink(state, link);
    } else if (existing.userId !== userId) {
      // Re-pointed: the link keeps its pending mark, reported status and last sweep.
      detachLink(state, existing);
      existing.userId = userId;
      attachLink(state, existing);
    }
  }
  setPending(links, users.markPendingDeactivation, true);
  setPending(links, users.clearPendingDeactivation, false);
  setReported(links, users.reportedActive, true);
  setReported(links, users.reportedInactive, false);
  resolveWaitingByLinks(state, integrationId, newLinks);
  resolveWaitingByEmails(state, create);
  resolveWaitingByEmails(state, changedEmails);
}

function setPending(links: Map<string, MemoryLink>, ids: ReadonlyArray<string> | undefined, mark: boolean) {
  if (ids === undefined) return;
  for (let i = 0; i < ids.length; i++) {
    const link = links.get(ids[i]!);
    if (link) link.pendingDeactivation = mark;
  }
}

function setReported(
  links: Map<string, MemoryLink>,
  ids: ReadonlyArray<string> | undefined,
  active: boolean,
) {
  if (ids === undefined) return;
  for (let i = 0; i < ids.length; i++) {
    const link = links.get(ids[i]!);
    if (link) link.reportedActive = active;
  }
}
