import type { AppRegistration } from "./app-registration";
import type {
  ComplianceState,
  EntraDevice,
  GraphGroup,
  GraphUser,
  IntuneAuditEvent,
  ManagedDevice,
  UserState,
} from "./graph-types";

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
  /**
   * Whether an admin's primary-user change moves the device's `lastSyncDateTime` (unconfirmed for the real
   * service, so the simulator plays both). Default false; `setDeviceOwner` can override it per call.
   */
  ownerChangeMovesLastSync?: boolean;
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
  | {
      seq: number;
      at: number;
      resource: "devices";
      index: number;
      /** `deleted`: the device left Intune (a retire, wipe or delete completed). */
      changeType: "updated" | "deleted";
      /** Whether the change shows on the Entra `device` object (and so in `/devices/delta`). */
      entra: boolean;
    };

/** A user with its lifecycle state, as delta queries see it. */
export interface UserEntry {
  index: number;
  user: GraphUser;
  state: UserState;
}

/** Lifecycle of a managed device slot: in Intune, gone from Intune but still in Entra, or gone from both. */
export type DeviceState = "active" | "retired" | "deleted";

/** A managed device with its lifecycle state. */
export interface DeviceEntry {
  index: number;
  device: ManagedDevice;
  state: DeviceState;
}

/**
 * The Intune part of the model: managed devices generated on demand, the changes an Intune tenant sees (check-ins,
 * server-side compliance flips, admin actions), the Entra devices and the audit log that follow from them.
 */
export interface DeviceModel {
  /** Device slots ever created (generated + added), including gone ones: the index space of devices. */
  readonly deviceSlots: number;
  /** Devices currently in Intune (not retired, wiped or deleted). */
  readonly deviceCount: number;
  deviceEntry(index: number): DeviceEntry;
  /** The device in slot `index`, whatever its state. */
  device(index: number): ManagedDevice;
  deviceIndex(id: string): number | undefined;
  /** A device still in Intune, by its Intune id. */
  getDevice(id: string): ManagedDevice | undefined;
  /** The devices in Intune whose primary user is `userId` (O(devices / users + changed devices)). */
  devicesOfUser(userId: string): IterableIterator<ManagedDevice>;
  /**
   * Enrols a new device (enrolled and synced now). Its primary user is `ownerId` (`null`: userless), by
   * default the one a generated device in that slot would have.
   */
  addDevice(
    partial?: Partial<Omit<ManagedDevice, "id">>,
    options?: { ownerId?: string | null },
  ): ManagedDevice;
  /** A check-in with changes: stamps `lastSyncDateTime` (unless the patch sets it). Same as `syncDevice`. */
  updateDevice(id: string, patch: Partial<Omit<ManagedDevice, "id">>): ManagedDevice;
  /** The device checks in again (`lastSyncDateTime` moves to now), optionally reporting changes. */
  syncDevice(id: string, patch?: Partial<Omit<ManagedDevice, "id">>): ManagedDevice;
  /**
   * A server-side compliance change (e.g. a grace period expiring): `lastSyncDateTime` does NOT move. The grace
   * period end is set for `inGracePeriod` (default now + 3 days) and cleared otherwise.
   */
  setDeviceCompliance(id: string, state: ComplianceState, graceUntil?: string): ManagedDevice;
  /** An admin retires the device: `managementState` `retirePending` (audit event); see `completeDeviceAction`. */
  retireDevice(id: string): ManagedDevice;
  /** An admin wipes the device: `wipePending` (audit event). */
  wipeDevice(id: string): ManagedDevice;
  /** An admin deletes the device: `deletePending` (audit event). */
  deleteDevice(id: string): ManagedDevice;
  /**
   * The pending retire, wipe or delete completes: the device leaves Intune listings. A retired or wiped device
   * stays in Entra (unmanaged); a deleted one is removed from Entra too (`@removed` in `/devices/delta`).
   */
  completeDeviceAction(id: string): ManagedDevice;
  /**
   * An admin changes the primary user (`null`: none). Moves `lastSyncDateTime` only if `movesLastSync` (default
   * the model's `ownerChangeMovesLastSync`); writes an audit event.
   */
  setDeviceOwner(id: string, userId: string | null, options?: { movesLastSync?: boolean }): ManagedDevice;
  /** An admin renames the device (`managedDeviceName`; server-side, `lastSyncDateTime` stays); audit event. */
  renameDevice(id: string, name: string): ManagedDevice;
  /** The Entra device of slot `index`, if it has one and it was not deleted. */
  entraDevice(index: number): EntraDevice | undefined;
  /** Intune audit events written by admin actions, oldest first. */
  auditEvents(): readonly IntuneAuditEvent[];
  /** Whether the tenant has an Intune licence (else Intune paths answer 400 "Request not applicable ..."). */
  readonly intuneLicensed: boolean;
  setIntuneLicensed(licensed: boolean): void;
}

/** The deterministic tenant: generated data plus an overlay of changes, and the mutation API. */
export interface GraphModel extends DeviceModel {
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
  "DeviceManagementConfiguration.Read.All",
  "DeviceManagementApps.Read.All",
  "Device.Read.All",
];
