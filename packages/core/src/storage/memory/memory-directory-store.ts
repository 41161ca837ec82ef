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
import { memoryRecordRemovals } from "./memory-record-removals";
import { directoryOf, type MemoryLink, type MemoryState, type MemoryUser } from "./memory-state";
import { linkedExternalIds } from "./memory-user-links";
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
      const links = state.directories.get(integrationId)?.links;
      const lookup: UserLookup = { byExternalId: [], byEmail: [] };
      // One copy per user per lookup, even when it is found both by link and by email, and each link or user once
      // however often the query names it. A first sync finds nobody: nothing is built for it but the lookup.
      let copies: Map<MemoryUser, StoredUser> | null = null;
      const copyOf = (user: MemoryUser) => {
        copies ??= new Map();
        let copy = copies.get(user);
        if (!copy) {
          copy = copyUser(user);
          copies.set(user, copy);
        }
        return copy;
      };
      if (links !== undefined) {
        let found: Set<MemoryLink> | null = null;
        for (const externalId of query.externalIds) {
          const link = links.get(externalId);
          const user = link?.user;
          if (!link || !user) continue;
          found ??= new Set();
          if (found.has(link)) continue;
          found.add(link);
          lookup.byExternalId.push({ link: toLink(integrationId, link), user: copyOf(user) });
        }
      }
      let matched: Set<MemoryUser> | null = null;
      for (const email of query.emails) {
        const user = state.usersByEmail.get(email);
        if (!user) continue;
        matched ??= new Set();
        if (matched.has(user)) continue;
        matched.add(user);
        lookup.byEmail.push({
          user: copyOf(user),
          linkedExternalIds: linkedExternalIds(user, integrationId),
        });
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
      // The first write: the page's users are all created, or none is (see `insertMemoryUsers`).
      if (batch.users) applyMemoryUsers(state, integrationId, directory, batch.users, now);
      applyMemoryOthers(state, integrationId, directory, batch, now);
      const result = applyMemorySweep(directory, batch, now);
      state.checkpoints.set(integrationId, { value: copyJson(checkpoint), updatedAt: now });
      recordSweep();
      return result;
    },
    async countActiveLinkedUsers(integrationId) {
      let count = 0;
      for (const link of state.directories.get(integrationId)?.links.values() ?? []) {
        if (link.user?.active) count += 1;
      }
      return count;
    },
    async countPendingDeactivations(integrationId) {
      return pendingLinks(integrationId).filter(
        (l) => l.user?.active && !reportedActiveElsewhere(state, integrationId, l.user),
      ).length;
    },
    async commitPendingDeactivations(integrationId, fence) {
      checkMemoryFence(state, fence);
      const now = new Date();
      let changed = 0;
      for (const link of pendingLinks(integrationId)) {
        const user = link.user;
        if (user?.active && !reportedActiveElsewhere(state, integrationId, user)) {
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
