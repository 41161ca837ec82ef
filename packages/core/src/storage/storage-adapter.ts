import type { AuditEntry } from "../audit/audit-entry";
import type { JsonObject, JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { SyncLog } from "../sync-log/sync-log";
import type {
  CheckpointRecord,
  IntegrationRecord,
  RecordKind,
  SealedSecretRecord,
  StoredGroup,
  StoredMembership,
  StoredRecord,
  StoredUser,
  UserLink,
} from "./records";

/**
 * What a host implements to keep the hub's data in its own database. Every method is batch-shaped: a sync
 * makes one lookup and one write per page, never one query per record. Prove an implementation with
 * `runStorageConformance` from `@uslimato/core/testing`.
 */
export interface StorageAdapter {
  readonly integrations: IntegrationStore;
  readonly secrets: SecretStore;
  readonly checkpoints: CheckpointStore;
  readonly syncLogs: SyncLogStore;
  readonly audit: AuditStore;
  readonly locks: LockStore;
  readonly directory: DirectoryStore;
  /**
   * Listing and seeding for hosts and tools (optional: a sync never needs it). The bundled adapters provide it;
   * the CLI, the demo, the hub's `records` API and the conformance suite's listing checks use it when present.
   */
  readonly inspect?: DirectoryInspection;
  /** Releases connections and handles. */
  close?(): Promise<void>;
}

/** Integrations (configuration only; secrets live in {@link SecretStore}). */
export interface IntegrationStore {
  /** Inserts a new integration; `STORAGE_CONFLICT` if the id exists. */
  insert(record: IntegrationRecord): Promise<void>;
  /**
   * Replaces an integration if its stored revision equals `expectedRevision`; returns false (and changes nothing)
   * otherwise, so two admins cannot overwrite each other.
   */
  update(record: IntegrationRecord, expectedRevision: number): Promise<boolean>;
  get(id: string): Promise<IntegrationRecord | null>;
  list(filter?: { tenantId?: string; connectorId?: string; enabled?: boolean }): Promise<IntegrationRecord[]>;
  /** Deletes the integration and everything stored for it except users, sync logs and audit entries. */
  delete(id: string): Promise<void>;
}

/** Sealed secrets. The hub never stores a plaintext. */
export interface SecretStore {
  /** Inserts or replaces secrets by (integrationId, name). */
  put(records: ReadonlyArray<SealedSecretRecord>): Promise<void>;
  list(integrationId: string): Promise<SealedSecretRecord[]>;
  /** Removes the named secrets, or all of an integration's secrets when `names` is omitted. */
  delete(integrationId: string, names?: ReadonlyArray<string>): Promise<void>;
  /** A page of secrets sealed with `keyId`, ordered by (integrationId, name), after the given position. */
  listByKey(
    keyId: string,
    page: { limit: number; after?: { integrationId: string; name: string } },
  ): Promise<SealedSecretRecord[]>;
  /** How many secrets each key id seals. */
  countByKey(): Promise<Record<string, number>>;
  /**
   * Replaces one secret only if its envelope is still `expectedEnvelope` (compare-and-swap), so a re-wrap never
   * overwrites a secret an admin changed meanwhile. Returns whether it replaced.
   */
  replace(record: SealedSecretRecord, expectedEnvelope: string): Promise<boolean>;
}

/** The last applied checkpoint per integration. Written by {@link DirectoryStore.applyPage}, atomically. */
export interface CheckpointStore {
  get(integrationId: string): Promise<CheckpointRecord | null>;
  /** Forgets the checkpoint (the next run is a full one). */
  clear(integrationId: string): Promise<void>;
}

/** Sync logs, one per run. */
export interface SyncLogStore {
  /** Inserts or replaces a run's log by id. */
  save(log: SyncLog): Promise<void>;
  get(id: string): Promise<SyncLog | null>;
  /** Newest first. */
  list(integrationId: string, page?: { limit?: number; before?: Date }): Promise<SyncLog[]>;
}

/** The audit log: append-only. */
export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(filter: { tenantId?: string; integrationId?: string; limit?: number }): Promise<AuditEntry[]>;
}

/**
 * Proof that a writer holds a lock, passed to fenced writes ({@link DirectoryStore.applyPage} and the guard's
 * commit and discard). The adapter checks it in the SAME transaction as the write and refuses with
 * `SYNC_LOCK_LOST`, writing nothing, unless `token` is still the lock's current token and its lease has not run out.
 */
export interface LockFence {
  /** The lock's name, e.g. `sync:<integrationId>`. */
  readonly name: string;
  /** The fencing token the holder got from {@link LockStore.tryAcquire}. */
  readonly token: number;
}

/** A held lock: a lease that its holder renews while it works, and a fencing token for its writes. */
export interface LockHandle {
  readonly name: string;
  /**
   * The fencing token: a whole number, larger than every token handed out for this name before (across processes),
   * so a write carrying an older token is recognisably stale.
   */
  readonly token: number;
  /** The lease length this handle was granted; {@link LockHandle.renew} extends the lease by as much from now. */
  readonly ttlMs: number;
  /**
   * Aborted as soon as the adapter learns the lock is lost: a renewal was refused, or (PostgreSQL) the session that
   * held it died. The sync runner stops the run when it fires.
   */
  readonly lost: AbortSignal;
  /**
   * Extends the lease by `ttlMs` from now. Resolves `true` if the lock is still held, `false` (and aborts
   * {@link LockHandle.lost}) if it is not: released, taken over, or its lease ran out, even if nobody took it yet.
   * Rejects only when the backend could not be asked (the caller may try again before the lease ends).
   */
  renew(): Promise<boolean>;
  /** Gives the lock up; it is free for the next taker at once. Safe to call twice; never frees a later holder's lock. */
  release(): Promise<void>;
}

/**
 * Named locks that hold across processes, as leases with fencing tokens (PostgreSQL and SQLite: a lock row with
 * holder, token and lease end; memory: in-process only). A sync holds `sync:<integrationId>` for its whole run,
 * renews it every `ttlMs / 3`, and passes `{ name, token }` as the {@link LockFence} of each page write.
 */
export interface LockStore {
  /**
   * Takes the lock if it is free (never taken, released, its lease ran out, or its holder provably died), else
   * returns null at once. `ttlMs` is the lease length (default: the adapter's, 60 s for the bundled adapters).
   */
  tryAcquire(name: string, options?: { ttlMs?: number }): Promise<LockHandle | null>;
}

/** A user found for reconciliation: the user and, if this integration links it, the external id. */
export interface UserMatch {
  user: StoredUser;
  /** External ids of this integration linked to the user (normally zero or one). */
  linkedExternalIds: string[];
}

/** What the directory returns for one page's lookup. */
export interface UserLookup {
  /** Links of this integration for the requested external ids, with their users. */
  byExternalId: Array<{ link: UserLink; user: StoredUser }>;
  /** Users whose normalized email is one of the requested emails (linked or not). */
  byEmail: UserMatch[];
}

/** A user created by a sync. */
export interface NewUser {
  id: string;
  email: string;
  displayName: string | null;
  active: boolean;
  role: string;
  attributes: JsonObject;
}

/** Fields a sync changes on an existing user. `hgeIdAccountId` and `role` are not among them, by design. */
export interface UserUpdate {
  userId: string;
  set: Partial<Pick<StoredUser, "email" | "displayName" | "active">> & { attributes?: JsonObject };
}

/**
 * The owner of a device or asset in a batch, as the source named it (email normalized by the caller). The store
 * resolves it to a host user: first by `externalUserId` through the links of the integrations of the same host
 * tenant whose connector id is `source`, else by `email`; unresolved owners are resolved later, when a page links
 * or creates the user (see {@link DirectoryStore.applyPage}) or `inspect.putUsers` adds one.
 */
export interface RecordOwnerInput {
  email: string | null;
  externalUserId: string | null;
  source: string | null;
}

/** A device or asset written by a page. */
export interface RecordUpsert {
  externalId: string;
  data: JsonObject;
  /** Replaces the stored owner; absent or null: the record has none. */
  owner?: RecordOwnerInput | null;
}

/** Filters and paging of record listings for hosts. */
export interface RecordListQuery {
  kind?: RecordKind;
  /** Include records marked removed. Default false. */
  includeRemoved?: boolean;
  limit?: number;
  offset?: number;
}

/** Everything one page changes, written atomically together with the page's checkpoint. */
export interface DirectoryBatch {
  users?: {
    create?: ReadonlyArray<NewUser>;
    update?: ReadonlyArray<UserUpdate>;
    /** New links (for created users and for existing users matched by email). */
    link?: ReadonlyArray<{ externalId: string; userId: string }>;
    /** External ids whose users should be deactivated when the run ends (after the mass-deactivation guard). */
    markPendingDeactivation?: ReadonlyArray<string>;
    /** External ids whose pending deactivation is cancelled (they came back). */
    clearPendingDeactivation?: ReadonlyArray<string>;
    /**
     * External ids (linked by now) whose source record this page reports active. A link reports its user active
     * until a page says otherwise, or until its deactivation is committed (see `commitPendingDeactivations`).
     */
    reportedActive?: ReadonlyArray<string>;
    /** External ids whose source record this page reports disabled or removed. */
    reportedInactive?: ReadonlyArray<string>;
  };
  groups?: {
    upsert?: ReadonlyArray<{
      externalId: string;
      displayName: string | null;
      description: string | null;
      attributes: JsonObject;
    }>;
    /** Marks groups removed (never deletes them); their memberships are dropped. */
    remove?: ReadonlyArray<string>;
  };
  memberships?: {
    add?: ReadonlyArray<{ groupExternalId: string; userExternalId: string }>;
    remove?: ReadonlyArray<{ groupExternalId: string; userExternalId: string }>;
  };
  records?: ReadonlyArray<{
    kind: RecordKind;
    /** Inserts or replaces records: revives removed ones, cancels pending removals, resolves owners. */
    upsert?: ReadonlyArray<RecordUpsert>;
    /** Marks records removed at once, without the guard. */
    remove?: ReadonlyArray<string>;
    /** Marks records for removal when the run ends, after the guard (like pending user deactivations). */
    markPendingRemoval?: ReadonlyArray<string>;
  }>;
  /** Records the external ids seen by the current full enumeration of their kind. */
  seen?: {
    sweepId: string;
    users?: ReadonlyArray<string>;
    groups?: ReadonlyArray<string>;
    records?: ReadonlyArray<{
      kind: RecordKind;
      externalIds: ReadonlyArray<string>;
    }>;
  };
  /**
   * Ends a full enumeration: after the rest of the batch, every linked user whose user is active and whose link
   * was not seen by `sweepId` gets a pending deactivation (kind `user`); groups not seen are marked removed;
   * devices or assets of the kind not seen (and not removed) get a pending removal.
   */
  finishSweep?: { kind: EntityKind; sweepId: string };
  /**
   * The full enumeration this page belongs to (the sync runner sets it on every page of one). On a fenced write the
   * adapter keeps one sweep per (integration, kind) with its owner's fencing token: `start` opens `sweepId` for the
   * fence's holder, replacing any open one; otherwise `sweepId` must be that kind's open sweep, not yet finished,
   * owned by this token or an older one (a run resuming after a crash takes it over). Anything else is refused with
   * `SYNC_SWEEP_NOT_OWNED` and nothing is written. `finishSweep` closes the sweep. When absent, a `finishSweep`
   * stands for it; a kind with no sweep on record yet (data older than this rule) opens one as if `start` were set.
   * Unfenced writes do not check or record sweeps.
   */
  sweep?: { kind: EntityKind; sweepId: string; start?: boolean };
}

/** What {@link DirectoryStore.applyPage} reports back. */
export interface ApplyResult {
  /** Users newly marked for deactivation by `finishSweep`. */
  sweptUsers: number;
  /** Groups marked removed, or devices/assets newly marked for removal, by `finishSweep`. */
  sweptOthers: number;
}

/**
 * The host's users, groups, memberships, devices and assets, as a sync sees them: the lookups, the atomic page
 * write, and the guard's counts, commits and discards. Listing and seeding live in {@link DirectoryInspection}.
 */
export interface DirectoryStore {
  /** One batched lookup for a page of users. Emails are normalized by the caller. */
  findUsers(
    integrationId: string,
    query: { externalIds: ReadonlyArray<string>; emails: ReadonlyArray<string> },
  ): Promise<UserLookup>;
  /** Groups of this integration by external id (removed ones included). */
  findGroups(integrationId: string, externalIds: ReadonlyArray<string>): Promise<StoredGroup[]>;
  /** Devices or assets of this integration by external id (removed ones included). */
  findRecords(
    integrationId: string,
    kind: RecordKind,
    externalIds: ReadonlyArray<string>,
  ): Promise<StoredRecord[]>;
  /**
   * Applies a page's changes and saves its checkpoint, all or nothing. With a `fence`, first checks in the same
   * transaction that the fence's lock is still held with its token (else `SYNC_LOCK_LOST`, nothing written), and
   * that the batch's sweep belongs to this holder (see {@link DirectoryBatch.sweep}). The sync runner always
   * passes one; tools and imports that hold no lock may leave it out. In the same transaction it resolves the
   * owners of the page's records, and resolves unresolved owners (of any integration of the same host tenant)
   * that the page's new links (by `source` = this integration's connector id and external id) or new users and
   * changed emails now match, through an index, never a scan.
   */
  applyPage(
    integrationId: string,
    batch: DirectoryBatch,
    checkpoint: JsonValue,
    fence?: LockFence,
  ): Promise<ApplyResult>;
  /** Linked users of this integration that are active (the base of the mass-deactivation guard). */
  countActiveLinkedUsers(integrationId: string): Promise<number>;
  /**
   * Links with a pending deactivation whose user is still active and that no link of another enabled integration
   * still reports active: what {@link commitPendingDeactivations} would deactivate.
   */
  countPendingDeactivations(integrationId: string): Promise<number>;
  /**
   * Commits the pending links of this integration: each link stops reporting its user active, and the user is
   * deactivated unless a link of another ENABLED integration still reports it active (several sources per user).
   * Clears the marks; returns how many users were deactivated. Fenced like {@link DirectoryStore.applyPage} when a
   * `fence` is given.
   */
  commitPendingDeactivations(integrationId: string, fence?: LockFence): Promise<number>;
  /** Clears all pending deactivation marks without deactivating anyone; returns how many were cleared. Fenced likewise. */
  discardPendingDeactivations(integrationId: string, fence?: LockFence): Promise<number>;
  /** Devices or assets of this integration with a pending removal, and those not removed (the guard's base). */
  countRecordRemovals(integrationId: string, kind: RecordKind): Promise<{ pending: number; present: number }>;
  /**
   * Marks the pending records of this integration (of one kind, or all) removed; returns how many. Fenced like
   * {@link DirectoryStore.applyPage} when a `fence` is given.
   */
  commitPendingRemovals(integrationId: string, kind?: RecordKind, fence?: LockFence): Promise<number>;
  /** Clears the pending removal marks without removing anything; returns how many were cleared. Fenced likewise. */
  discardPendingRemovals(integrationId: string, kind?: RecordKind, fence?: LockFence): Promise<number>;
}

/**
 * Listing and seeding: what hosts, the CLI, the demo and the conformance suite use to look at (and seed) the
 * directory. A sync never calls these, so an adapter may leave {@link StorageAdapter.inspect} out; the hub's
 * `records` API then refuses with `STORAGE_INSPECTION_UNSUPPORTED`.
 */
export interface DirectoryInspection {
  /**
   * Inserts or replaces host-owned users (sign-up, HGE ID accounts); a sync never calls it. Two users with one
   * email is `STORAGE_CONFLICT`, and then nothing is written. Resolves unresolved record owners with their emails.
   */
  putUsers(users: ReadonlyArray<StoredUser>): Promise<void>;
  /** Users, by email order; filter by integration link when `integrationId` is given. */
  listUsers(query?: { integrationId?: string; limit?: number; offset?: number }): Promise<StoredUser[]>;
  /** Links of an integration, by external id order. */
  listLinks(integrationId: string, page?: { limit?: number; offset?: number }): Promise<UserLink[]>;
  /** Groups of an integration (removed ones included), by external id order. */
  listGroups(integrationId: string): Promise<StoredGroup[]>;
  /** Memberships of an integration (of one group when given), by group then user external id. */
  listMemberships(integrationId: string, groupExternalId?: string): Promise<StoredMembership[]>;
  /** Devices or assets of an integration (removed ones included), by external id order. */
  listRecords(integrationId: string, kind: RecordKind): Promise<StoredRecord[]>;
  /** Devices and assets whose owner resolved to this user, by (integrationId, kind, externalId); uses an index. */
  listRecordsByOwner(userId: string, query?: RecordListQuery): Promise<StoredRecord[]>;
  /** Devices or assets of the tenant's integrations without a resolved owner, by (integrationId, externalId). */
  listUnownedRecords(
    tenantId: string,
    kind: RecordKind,
    query?: Omit<RecordListQuery, "kind">,
  ): Promise<StoredRecord[]>;
}

/** A storage adapter that provides {@link DirectoryInspection} (every bundled adapter does). */
export type InspectableStorage = StorageAdapter & { readonly inspect: DirectoryInspection };
