import type { AuditEntry } from "../../audit/audit-entry";
import type { JsonValue } from "../../connector/json";
import type { SyncLog } from "../../sync-log/sync-log";
import type {
  IntegrationRecord,
  SealedSecretRecord,
  StoredGroup,
  StoredRecord,
  StoredUser,
} from "../records";
/**
 * A user as the memory store keeps it: the stored fields, and the links of every integration to it (the user's side
 * of the links, so a lookup by email needs no index of its own to find them). Built by `newMemoryUser` only, so
 * every stored user has one shape.
 */
export interface MemoryUser extends StoredUser {
  /** Links of any integration to this user: none, the only one (nearly every user), or a list once there are more. */
  links: MemoryLink | MemoryLink[] | null;
}

/** A link as the memory store keeps it: the user, the pending mark and the last sweep that saw it. */
export interface MemoryLink {
  integrationId: string;
  externalId: string;
  userId: string;
  /** The user with id `userId`; null while there is none (the link waits in `MemoryState.waitingLinks`). */
  user: MemoryUser | null;
  pendingDeactivation: boolean;
  /** Whether the source last reported the user active (see `DirectoryBatch.users.reportedActive`). */
  reportedActive: boolean;
  lastSeen: string | null;
}

/** A group or record with the last sweep that saw it. */
export interface Swept<T> {
  value: T;
  lastSeen: string | null;
}

/** Everything the memory store keeps for one integration's directory. */
export interface MemoryDirectory {
  /** externalId -> link (a user's links are on the user too, see `MemoryUser.links`). */
  links: Map<string, MemoryLink>;
  groups: Map<string, Swept<StoredGroup>>;
  /** groupExternalId -> member user external ids. */
  memberships: Map<string, Set<string>>;
  records: { device: Map<string, Swept<StoredRecord>>; asset: Map<string, Swept<StoredRecord>> };
}

/** A lock as the memory store keeps it: the last token handed out, and the current holder's lease if held. */
export interface MemoryLock {
  token: number;
  /** The holder's lease end (epoch ms); 0 once released. */
  expiresAt: number;
}

/**
 * The records under one owner key: the entry itself while it is the only one (most keys hold one record, and a
 * Set per key costs more than the rest of the index), a Set (in insertion order) once a second one comes.
 */
export type MemoryOwnerBucket = Swept<StoredRecord> | Set<Swept<StoredRecord>>;

/** The owner indexes over every integration's devices and assets (entries are the stored objects). */
export interface MemoryOwnerIndex {
  /** userId -> records owned by that user. */
  byUser: Map<string, MemoryOwnerBucket>;
  /** `source NUL externalUserId` -> records whose owner is not resolved yet. */
  waitingByExternalId: Map<string, MemoryOwnerBucket>;
  /** normalized email -> records whose owner is not resolved yet. */
  waitingByEmail: Map<string, MemoryOwnerBucket>;
  /**
   * Records whose owner is not resolved yet and that are in neither waiting index so far: they go in (in this
   * order) when a waiting index is next read. A sweep of devices nobody resolves then costs one Set entry each.
   */
  unindexed: Set<Swept<StoredRecord>>;
}

/** The whole in-memory database. Stored objects are never handed out; stores return copies. */
export interface MemoryState {
  integrations: Map<string, IntegrationRecord>;
  /** integrationId -> name -> secret. */
  secrets: Map<string, Map<string, SealedSecretRecord>>;
  checkpoints: Map<string, { value: JsonValue; updatedAt: Date }>;
  syncLogs: Map<string, SyncLog>;
  audit: AuditEntry[];
  users: Map<string, MemoryUser>;
  /** normalized email -> user. */
  usersByEmail: Map<string, MemoryUser>;
  /** userId -> links to a user id that no user has (yet); a user created with that id takes them. */
  waitingLinks: Map<string, Set<MemoryLink>>;
  directories: Map<string, MemoryDirectory>;
  /** Lock name -> lock; a released lock keeps its row so tokens only grow. */
  locks: Map<string, MemoryLock>;
  /** `integrationId \u0000 kind` -> the kind's sweep and its owner's fencing token. */
  sweeps: Map<string, { sweepId: string; token: number | null; closed: boolean }>;
  owners: MemoryOwnerIndex;
}

/** An empty in-memory database. */
export function createMemoryState(): MemoryState {
  return {
    integrations: new Map(),
    secrets: new Map(),
    checkpoints: new Map(),
    syncLogs: new Map(),
    audit: [],
    users: new Map(),
    usersByEmail: new Map(),
    waitingLinks: new Map(),
    directories: new Map(),
    locks: new Map(),
    sweeps: new Map(),
    owners: {
      byUser: new Map(),
      waitingByExternalId: new Map(),
      waitingByEmail: new Map(),
      unindexed: new Set(),
    },
  };
}

/** The directory of an integration, created on first write. */
export function directoryOf(state: MemoryState, integrationId: string): MemoryDirectory {
  let directory = state.directories.get(integrationId);
  if (!directory) {
    directory = {
      links: new Map(),
      groups: new Map(),
      memberships: new Map(),
      records: { device: new Map(), asset: new Map() },
    };
    state.directories.set(integrationId, directory);
  }
  return directory;
}
