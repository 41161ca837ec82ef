import type { StoredRecord, StoredRecordOwner } from "../records";
import type { RecordOwnerInput } from "../storage-adapter";
import type { MemoryOwnerBucket, MemoryState, Swept } from "./memory-state";

type Entry = Swept<StoredRecord>;

const externalKey = (source: string, externalUserId: string) => `${source}\u0000${externalUserId}`;

function add<K>(map: Map<K, MemoryOwnerBucket>, key: K, entry: Entry): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, entry);
  else if (bucket instanceof Set) bucket.add(entry);
  else if (bucket !== entry) map.set(key, new Set([bucket, entry]));
}

function drop<K>(map: Map<K, MemoryOwnerBucket>, key: K, entry: Entry): void {
  const bucket = map.get(key);
  if (bucket === undefined) return;
  if (!(bucket instanceof Set)) {
    if (bucket === entry) map.delete(key);
    return;
  }
  bucket.delete(entry);
  if (bucket.size === 0) map.delete(key);
}

/** The records under `key` of an owner index, in the order they were indexed (a copy: safe to change the index). */
export function ownerEntries<K>(map: Map<K, MemoryOwnerBucket>, key: K): Entry[] {
  const bucket = map.get(key);
  if (bucket === undefined) return [];
  return bucket instanceof Set ? [...bucket] : [bucket];
}

/**
 * Puts a record into the owner indexes: under its user, or (on the next read of a waiting index, see
 * {@link flushWaitingOwners}) under what may resolve it later.
 */
export function indexRecordOwner(state: MemoryState, entry: Entry): void {
  const owner = entry.value.owner;
  if (!owner) return;
  if (owner.userId !== null) {
    add(state.owners.byUser, owner.userId, entry);
    return;
  }
  if ((owner.source !== null && owner.externalUserId !== null) || owner.email !== null)
    state.owners.unindexed.add(entry);
}

/** Puts the waiting records not indexed yet into the waiting indexes, in the order they were indexed. */
function flushWaitingOwners(state: MemoryState): void {
  const { unindexed, waitingByExternalId, waitingByEmail } = state.owners;
  if (unindexed.size === 0) return;
  for (const entry of unindexed) {
    const owner = entry.value.owner;
    if (!owner || owner.userId !== null) continue;
    if (owner.source !== null && owner.externalUserId !== null)
      add(waitingByExternalId, externalKey(owner.source, owner.externalUserId), entry);
    if (owner.email !== null) add(waitingByEmail, owner.email, entry);
  }
  unindexed.clear();
}

/** Takes a record out of the owner indexes (before it changes or goes away). */
export function unindexRecordOwner(state: MemoryState, entry: Entry): void {
  const owner = entry.value.owner;
  if (!owner) return;
  const { byUser, waitingByExternalId, waitingByEmail, unindexed } = state.owners;
  if (owner.userId !== null) {
    drop(byUser, owner.userId, entry);
    return;
  }
  if (unindexed.delete(entry)) return;
  if (owner.source !== null && owner.externalUserId !== null)
    drop(waitingByExternalId, externalKey(owner.source, owner.externalUserId), entry);
  if (owner.email !== null) drop(waitingByEmail, owner.email, entry);
}

const tenantOf = (state: MemoryState, integrationId: string) =>
  state.integrations.get(integrationId)?.tenantId;

/**
 * Resolves an owner for a record of `integrationId`: by external id through the links of the integrations of the
 * same tenant whose connector is `source`, else by email.
 */
export function resolveRecordOwner(
  state: MemoryState,
  integrationId: string,
  owner: RecordOwnerInput | null | undefined,
): StoredRecordOwner | null {
  if (!owner || (owner.email === null && owner.externalUserId === null)) return null;
  const resolved: StoredRecordOwner = { ...owner, userId: null };
  const tenantId = tenantOf(state, integrationId);
  if (owner.source !== null && owner.externalUserId !== null && tenantId !== undefined) {
    for (const integration of state.integrations.values()) {
      if (integration.tenantId !== tenantId || integration.connectorId !== owner.source) continue;
      const link = state.directories.get(integration.id)?.links.get(owner.externalUserId);
      if (link?.user) {
        resolved.userId = link.user.id;
        return resolved;
      }
    }
  }
  if (owner.email !== null) resolved.userId = state.usersByEmail.get(owner.email)?.id ?? null;
  return resolved;
}

function settle(state: MemoryState, entries: Entry[], userId: string, accept: (e: Entry) => boolean) {
  for (const entry of entries) {
    if (!accept(entry) || entry.value.owner === null) continue;
    unindexRecordOwner(state, entry);
    entry.value.owner.userId = userId;
    indexRecordOwner(state, entry);
  }
}

/** Resolves waiting owners that new links of `integrationId` match (same tenant, source = its connector). */
export function resolveWaitingByLinks(
  state: MemoryState,
  integrationId: string,
  links: ReadonlyArray<{ externalId: string; userId: string }>,
): void {
  const integration = state.integrations.get(integrationId);
  if (!integration || links.length === 0) return;
  flushWaitingOwners(state);
  // A directory with no owner waiting by external id (a sync of users alone) has nothing to look up.
  if (state.owners.waitingByExternalId.size === 0) return;
  for (const { externalId, userId } of links) {
    const waiting = ownerEntries(
      state.owners.waitingByExternalId,
      externalKey(integration.connectorId, externalId),
    );
    settle(state, waiting, userId, (e) => tenantOf(state, e.value.integrationId) === integration.tenantId);
  }
}

/** Resolves waiting owners whose email a user now has. */
export function resolveWaitingByEmails(
  state: MemoryState,
  users: ReadonlyArray<{ id: string; email: string }>,
) {
  if (users.length === 0) return;
  flushWaitingOwners(state);
  if (state.owners.waitingByEmail.size === 0) return;
  for (const { id, email } of users)
    settle(state, ownerEntries(state.owners.waitingByEmail, email), id, () => true);
}
