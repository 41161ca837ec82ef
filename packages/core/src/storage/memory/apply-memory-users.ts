import type { DirectoryBatch } from "../storage-adapter";
import { copyAttributes } from "./copy-attributes";
import { addLinkedId, removeLinkedId } from "./linked-ids";
import { resolveWaitingByEmails, resolveWaitingByLinks } from "./memory-record-owners";
import type { MemoryDirectory, MemoryState } from "./memory-state";

/** Applies a checked batch's user creates, updates, links and pending marks, in that order. */
export function applyMemoryUsers(
  state: MemoryState,
  integrationId: string,
  directory: MemoryDirectory,
  users: NonNullable<DirectoryBatch["users"]>,
  now: Date,
): void {
  for (const user of users.create ?? []) {
    state.users.set(user.id, {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      active: user.active,
      role: user.role,
      hgeIdAccountId: null,
      attributes: copyAttributes(user.attributes),
      createdAt: now,
      updatedAt: now,
    });
    state.usersByEmail.set(user.email, user.id);
  }
  const emails: Array<{ id: string; email: string }> = (users.create ?? []).map((u) => ({
    id: u.id,
    email: u.email,
  }));
  for (const { userId, set } of users.update ?? []) {
    const user = state.users.get(userId);
    if (!user) continue;
    if (set.email !== undefined && set.email !== user.email) {
      if (state.usersByEmail.get(user.email) === userId) state.usersByEmail.delete(user.email);
      state.usersByEmail.set(set.email, userId);
      user.email = set.email;
      emails.push({ id: userId, email: set.email });
    }
    if (set.displayName !== undefined) user.displayName = set.displayName;
    if (set.active !== undefined) user.active = set.active;
    if (set.attributes !== undefined) user.attributes = copyAttributes(set.attributes);
    user.updatedAt = now;
  }
  for (const { externalId, userId } of users.link ?? []) {
    const existing = directory.links.get(externalId);
    if (existing) {
      const rest = removeLinkedId(directory.linksByUser.get(existing.userId), externalId);
      if (rest === undefined) directory.linksByUser.delete(existing.userId);
      else directory.linksByUser.set(existing.userId, rest);
    }
    directory.links.set(externalId, {
      externalId,
      userId,
      pendingDeactivation: existing?.pendingDeactivation ?? false,
      reportedActive: existing?.reportedActive ?? true,
      lastSeen: existing?.lastSeen ?? null,
    });
    directory.linksByUser.set(userId, addLinkedId(directory.linksByUser.get(userId), externalId));
  }
  for (const externalId of users.markPendingDeactivation ?? []) {
    const link = directory.links.get(externalId);
    if (link) link.pendingDeactivation = true;
  }
  for (const externalId of users.clearPendingDeactivation ?? []) {
    const link = directory.links.get(externalId);
    if (link) link.pendingDeactivation = false;
  }
  for (const [ids, active] of [
    [users.reportedActive ?? [], true],
    [users.reportedInactive ?? [], false],
  ] as const) {
    for (const externalId of ids) {
      const link = directory.links.get(externalId);
      if (link) link.reportedActive = active;
    }
  }
  resolveWaitingByLinks(state, integrationId, users.link ?? []);
  resolveWaitingByEmails(state, emails);
}
