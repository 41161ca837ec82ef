import type { AppRegistration } from "./app-registration";
import type { GraphGroup, GraphUser, ManagedDevice, UserState } from "./graph-types";

/** Options of `createGraphModel`. */
export interface GraphModelOptions {
  /** Seed of all generated data. Same seed, same tenant. Default 1. */
  seed?: number | string;
  /** Generated users (lazily: nothing is allocated per user). Default 100. */
  users?: number;
  /** Generated groups. Default `max(1, min(1000, ceil(users / 50)))`. */
  groups?: number;
  /** Generated Intune managed devices. Default `ceil(users * 0.8)`. */
  devices?: number;
  /** Tenant (directory) id. Default a GUID derived from the seed. */
  tenantId?: string;
  /** Primary domain for UPNs. Default `uslimato-sim.onmicrosoft.com`. */
  domain?: string;
  /** The model's clock (timestamps of changes, token expiry). Default `() => new Date()`. */
  clock?: () => Date;
  /** App registrations. Default one app: {@link DEFAULT_CLIENT_ID} / {@link DEFAULT_CLIENT_SECRET}, all roles. */
  apps?: AppRegistration[];
  /** Age after which delta tokens are expired. Default 7 days, like directory delta tokens. */
  deltaTokenMaxAgeMs?: number;
}

/** One entry of the model's append-only change log. */
export type ChangeEntry =
  | { seq: number; at: number; resource: "users"; index: number; changeType: "updated" | "deleted" }
  | {
      seq: number;
      at: number;
      resource: "groups";
      index: number;
      changeType: "updated" | "deleted";
      memberAdded?: string;
      memberRemoved?: string;
    }
  | { seq: number; at: number; resource: "devices"; index: number; changeType: "updated" };

/** A user with its lifecycle state, as delta queries see it. */
export interface UserEntry {
  index: number;
  user: GraphUser;
  state: UserState;
}

/** The deterministic tenant: generated data plus an overlay of changes, and the mutation API. */
export interface GraphModel {
  readonly seed: number;
  readonly tenantId: string;
  readonly domain: string;
  readonly clock: () => Date;
  readonly deltaTokenMaxAgeMs: number;
  /** Delta tokens carry this number; {@link GraphModel.expireDeltaTokens} bumps it, expiring older ones. */
  readonly deltaTokenGeneration: number;
  /** Users ever created (generated + added), including deleted ones: the index space of users. */
  readonly userSlots: number;
  readonly groupCount: number;
  readonly deviceCount: number;
  /** The sequence number the next change will get. */
  readonly sequence: number;

  /** Live (not deleted) users, counted. */
  counts(): { users: number; softDeletedUsers: number; groups: number; devices: number };
  userEntry(index: number): UserEntry;
  /** Whether slot `index` still holds its generated user untouched (serialisers take a fast path then). */
  isPristineUser(index: number): boolean;
  /** Whether every slot from `from` to `to` (exclusive) is pristine: O(changed users) or O(range), the smaller. */
  isPristineRange(from: number, to: number): boolean;
  userIndex(id: string): number | undefined;
  getUser(id: string): GraphUser | undefined;
  listUsers(): IterableIterator<GraphUser>;
  addUser(partial?: Partial<GraphUser>): GraphUser;
  updateUser(id: string, patch: Partial<Omit<GraphUser, "id">>): GraphUser;
  disableUser(id: string): GraphUser;
  softDeleteUser(id: string): void;
  hardDeleteUser(id: string): void;
  restoreUser(id: string): GraphUser;

  group(index: number): GraphGroup;
  groupIndex(id: string): number | undefined;
  getGroup(id: string): GraphGroup | undefined;
  /** Live member user ids of a group, lazily. */
  groupMembers(index: number): IterableIterator<string>;
  addGroupMember(groupId: string, userId: string): void;
  removeGroupMember(groupId: string, userId: string): void;

  device(index: number): ManagedDevice;
  deviceIndex(id: string): number | undefined;
  getDevice(id: string): ManagedDevice | undefined;
  updateDevice(id: string, patch: Partial<Omit<ManagedDevice, "id">>): ManagedDevice;

  /** Changes with `from <= seq < to`. */
  changesBetween(from: number, to: number): ChangeEntry[];
  /** Expires every delta token issued so far. */
  expireDeltaTokens(): void;

  registerApp(app: AppRegistration): void;
  getApp(clientId: string): AppRegistration | undefined;

  /** Listens to every change (used for change notifications). Returns the unsubscribe function. */
  onChange(listener: (change: ChangeEntry) => void): () => void;
}

/** Client id of the app every model registers unless `apps` is given. Simulator-only. */
export const DEFAULT_CLIENT_ID = "11111111-2222-4333-8444-555555555555";
/** Client secret of the default app. Simulator-only, never a real credential. */
export const DEFAULT_CLIENT_SECRET = "sim-secret~not-a-real-credential";
/** Roles of the default app. */
export const DEFAULT_ROLES = [
  "User.Read.All",
  "Group.Read.All",
  "GroupMember.Read.All",
  "Directory.Read.All",
  "DeviceManagementManagedDevices.Read.All",
];
