import type { StoredRecord, StoredUser, UserLink } from "../records";
import type { DirectoryStore, UserLookup } from "../storage-adapter";
import { applyMemoryOthers } from "./apply-memory-others";
import { applyMemorySweep } from "./apply-memory-sweep";
import { applyMemoryUsers } from "./apply-memory-users";
import { checkMemoryBatch } from "./check-memory-batch";
import { checkMemoryFence } from "./check-memory-fence";
import { checkMemorySweep } from "./check-memory-sweep";
import { copyJson, copyRecord } from "./copy-records";
import { copyUser } from "./copy-user";
import { linkedIdList } from "./linked-ids";
import { memoryRecordRemovals } from "./memory-record-removals";
import { directoryOf, type MemoryLink, type MemoryState } from "./memory-state";
import { reportedActiveElsewhere } from "./reported-active-elsewhere";

/** A stored link as the storage types show it. */
export const toLink = (integrationId: string, link: MemoryLink): UserLink => ({
  integrationId,
  externalId: link.externalId,
  userId: link.userId,
  pendingDeactivation: link.pendingDeactivation,
});

/** The directory kept in memory: every lookup goes through a Map, so a page costs the same at any size. */
export function createMemoryDirectoryStore(state: MemoryState): DirectoryStore {
  const pendingLinks = (integrationId: string) =>
    [...(state.directories.get(integrationId)?.links.values() ?? [])].filter((l) => l.pendingDeactivation);
  return {
    async findUsers(integrationId, query) {
      const directory = state.directories.get(integrationId);
      const lookup: UserLookup = { byExternalId: [], byEmail: [] };
      // One copy per user per lookup, even when it is found both by link and by email.
      const copies = new Map<string, StoredUser>();
      const copyOf = (user: StoredUser) => {
        let copy = copies.get(user.id);
        if (!copy) {
          copy = copyUser(user);
          copies.set(user.id, copy);
        }
        return copy;
      };
      for (const externalId of new Set(query.externalIds)) {
        const link = directory?.links.get(externalId);
        const user = link && state.users.get(link.userId);
        if (link && user) lookup.byExternalId.push({ link: toLink(integrationId, link), user: copyOf(user) });
      }
      for (const email of new Set(query.emails)) {
        const userId = state.usersByEmail.get(email);
        const user = userId === undefined ? undefined : state.users.get(userId);
        if (!user) continue;
        const linkedExternalIds = linkedIdList(directory?.linksByUser.get(user.id));
        lookup.byEmail.push({ user: copyOf(user), linkedExternalIds });
      }
      return lookup;
    },
    async findGroups(integrationId, externalIds) {
      const groups = state.directories.get(integrationId)?.groups;
      return [...new Set(externalIds)].flatMap((id) => {
        const group = groups?.get(id);
        return group ? [copyRecord(group.value)] : [];
      });
    },
    async findRecords(integrationId, kind, externalIds) {
      const records = state.directories.get(integrationId)?.records[kind];
      const found: StoredRecord[] = [];
      if (!records) return found;
      // A plain loop: a first sync finds nothing, and flatMap's array per id was most of this call's cost.
      for (const id of new Set(externalIds)) {
        const record = records.get(id);
        if (record) found.push(copyRecord(record.value));
      }
      return found;
    },
    async applyPage(integrationId, batch, checkpoint, fence) {
      checkMemoryFence(state, fence);
      const recordSweep = checkMemorySweep(state, integrationId, batch, fence);
      checkMemoryBatch(state, batch);
      const now = new Date();
      const directory = directoryOf(state, integrationId);
      if (batch.users) applyMemoryUsers(state, integrationId, directory, batch.users, now);
      applyMemoryOthers(state, integrationId, directory, batch, now);
      const result = applyMemorySweep(state, directory, batch, now);
      state.checkpoints.set(integrationId, { value: copyJson(checkpoint), updatedAt: now });
      recordSweep();
      return result;
    },
    async countActiveLinkedUsers(integrationId) {
      let count = 0;
      for (const link of state.directories.get(integrationId)?.links.values() ?? []) {
        if (state.users.get(link.userId)?.active) count += 1;
      }
      return count;
    },
    async countPendingDeactivations(integrationId) {
      return pendingLinks(integrationId).filter(
        (l) => state.users.get(l.userId)?.active && !reportedActiveElsewhere(state, integrationId, l.userId),
      ).length;
    },
    async commitPendingDeactivations(integrationId, fence) {
      checkMemoryFence(state, fence);
      const now = new Date();
      let changed = 0;
      for (const link of pendingLinks(integrationId)) {
        const user = state.users.get(link.userId);
        if (user?.active && !reportedActiveElsewhere(state, integrationId, link.userId)) {
          user.active = false;
          user.updatedAt = now;
          changed += 1;
        }
        link.pendingDeactivation = false;
        link.reportedActive = false;
      }
      return changed;
    },
    async discardPendingDeactivations(integrationId, fence) {
      checkMemoryFence(state, fence);
      const pending = pendingLinks(integrationId);
      for (const link of pending) link.pendingDeactivation = false;
      return pending.length;
    },
    ...memoryRecordRemovals(state),
  };
}
