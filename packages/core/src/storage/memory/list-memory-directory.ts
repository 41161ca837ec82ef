import type { UserLink } from "../records";
import type { DirectoryInspection } from "../storage-adapter";
import { copyRecord } from "./copy-records";
import { copyUser } from "./copy-user";
import { ownerEntries, resolveWaitingByEmails } from "./memory-record-owners";
import type { MemoryLink, MemoryState, MemoryUser } from "./memory-state";
import { putMemoryUsers } from "./put-memory-users";

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

const page = <T>(items: T[], options: { limit?: number; offset?: number } = {}): T[] =>
  items.slice(
    options.offset ?? 0,
    options.limit === undefined ? undefined : (options.offset ?? 0) + options.limit,
  );

/** The directory's listing and seeding (admin views, the demo and tests; a sync never lists). */
export function listMemoryDirectory(
  state: MemoryState,
  toLink: (integrationId: string, link: MemoryLink) => UserLink,
): DirectoryInspection {
  return {
    async putUsers(users) {
      putMemoryUsers(state, users);
      resolveWaitingByEmails(state, users);
    },
    async listUsers(query = {}) {
      const users: MemoryUser[] = [];
      if (query.integrationId === undefined) users.push(...state.users.values());
      else {
        const linked = new Set<MemoryUser>();
        for (const link of state.directories.get(query.integrationId)?.links.values() ?? [])
          if (link.user) linked.add(link.user);
        users.push(...linked);
      }
      return page(users.sort(byKey((u) => u.email + "\u0000" + u.id)), query).map(copyUser);
    },
    async listLinks(integrationId, options) {
      const links = [...(state.directories.get(integrationId)?.links.values() ?? [])];
      return page(links.sort(byKey((l) => l.externalId)), options).map((l) => toLink(integrationId, l));
    },
    async listGroups(integrationId) {
      const groups = [...(state.directories.get(integrationId)?.groups.values() ?? [])].map((g) => g.value);
      return groups.sort(byKey((g) => g.externalId)).map(copyRecord);
    },
    async listMemberships(integrationId, groupExternalId) {
      const memberships = state.directories.get(integrationId)?.memberships ?? new Map<string, Set<string>>();
      const groups = groupExternalId === undefined ? [...memberships.keys()].sort() : [groupExternalId];
      return groups.flatMap((group) =>
        [...(memberships.get(group) ?? [])]
          .sort()
          .map((userExternalId) => ({ integrationId, groupExternalId: group, userExternalId })),
      );
    },
    async listRecords(integrationId, kind) {
      const records = [...(state.directories.get(integrationId)?.records[kind].values() ?? [])].map(
        (r) => r.value,
      );
      return records.sort(byKey((r) => r.externalId)).map(copyRecord);
    },
    async listRecordsByOwner(userId, query = {}) {
      const records = ownerEntries(state.owners.byUser, userId)
        .map((entry) => entry.value)
        .filter(
          (r) => (query.kind === undefined || r.kind === query.kind) && (query.includeRemoved || !r.removed),
        );
      const sorted = records.sort(byKey((r) => `${r.integrationId}\u0000${r.kind}\u0000${r.externalId}`));
      return page(sorted, query).map(copyRecord);
    },
    async listUnownedRecords(tenantId, kind, query = {}) {
      const ids = [...state.integrations.values()].filter((i) => i.tenantId === tenantId).map((i) => i.id);
      const records = ids.flatMap((id) =>
        [...(state.directories.get(id)?.records[kind].values() ?? [])]
          .map((entry) => entry.value)
          .filter((r) => r.owner?.userId == null && (query.includeRemoved || !r.removed)),
      );
      const sorted = records.sort(byKey((r) => `${r.integrationId}\u0000${r.externalId}`));
      return page(sorted, query).map(copyRecord);
    },
  };
}
