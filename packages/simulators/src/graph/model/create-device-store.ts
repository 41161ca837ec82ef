import { SimulatorError } from "../../errors/simulator-error";
import { guidIndex } from "../../random/deterministic-guid";
import { auditEvent, type DeviceAuditAction } from "./audit-event";
import { entraFingerprint, toEntraDevice } from "./entra-device";
import {
  DEVICE_SALT,
  type DeviceOwnerInfo,
  deviceOwner,
  generateDevice,
  NO_GRACE_PERIOD,
  ownerFields,
} from "./generate-device";
import type { DeviceEntry, DeviceModel } from "./graph-model";
import type { AuditProperty, ComplianceState, IntuneAuditEvent, ManagedDevice } from "./graph-types";
import { USER_SALT } from "./user-fields";

/** What the device store needs from the rest of the model. */
export interface DeviceStoreDeps {
  seed: number;
  /** The model's "now" at creation, in ms (generated last syncs lie in the 30 days before). */
  anchor: number;
  baseDevices: number;
  baseUsers: number;
  clock: () => Date;
  domain: string;
  ownerChangeMovesLastSync: boolean;
  /** The user in slot `index`, for the owner fields of generated devices. */
  userAt(index: number): DeviceOwnerInfo;
  /** A live user by object id. */
  liveUser(id: string): DeviceOwnerInfo | undefined;
  /** Appends a device change to the model's change log. */
  record(index: number, changeType: "updated" | "deleted", entra: boolean): void;
}

const PENDING = { retire: "retirePending", wipe: "wipePending", delete: "deletePending" } as const;

function stamp(clock: () => Date): string {
  return `${clock().toISOString().slice(0, 19)}Z`;
}

/**
 * Intune's managed devices (and the Entra devices, compliance and audit log that follow from them): generated
 * devices from `(seed, index)`, plus an overlay of changed and added ones. O(1) per untouched device.
 */
export function createDeviceStore(deps: DeviceStoreDeps): DeviceModel {
  const { seed, anchor, baseDevices, baseUsers, clock } = deps;
  const overlay = new Map<number, DeviceEntry>();
  const audit: IntuneAuditEvent[] = [];
  let added = 0;
  let gone = 0;
  let licensed = true;

  function deviceEntry(index: number): DeviceEntry {
    const changed = overlay.get(index);
    if (changed) return changed;
    if (index < 0 || index >= baseDevices) throw new SimulatorError("NOT_FOUND", `No device ${index}`);
    const owner = deviceOwner(index, baseUsers);
    const user = owner === undefined ? undefined : deps.userAt(owner);
    return { index, device: generateDevice(seed, index, anchor, user), state: "active" };
  }

  function deviceIndex(id: string): number | undefined {
    const index = guidIndex(seed, DEVICE_SALT, id);
    return index !== undefined && index < baseDevices + added ? index : undefined;
  }

  function live(id: string): DeviceEntry {
    const index = deviceIndex(id);
    const entry = index === undefined ? undefined : deviceEntry(index);
    if (entry?.state !== "active") throw new SimulatorError("NOT_FOUND", `No device ${id}`);
    return entry;
  }

  function entraOf(entry: DeviceEntry): string {
    return entraFingerprint(
      entry.state === "deleted"
        ? undefined
        : toEntraDevice(seed, entry.index, entry.device, entry.state === "active"),
    );
  }

  function commit(before: DeviceEntry, next: DeviceEntry, changeType: "updated" | "deleted"): ManagedDevice {
    overlay.set(next.index, next);
    if (before.state === "active" && next.state !== "active") gone++;
    deps.record(next.index, changeType, entraOf(before) !== entraOf(next));
    return next.device;
  }

  function change(id: string, patch: Partial<ManagedDevice>, sync: boolean): ManagedDevice {
    const entry = live(id);
    const device = { ...entry.device, ...(sync ? { lastSyncDateTime: stamp(clock) } : {}), ...patch, id };
    return commit(entry, { ...entry, device }, "updated");
  }

  function log(action: DeviceAuditAction, device: ManagedDevice, modified: AuditProperty[]): void {
    audit.push(auditEvent(seed, audit.length, clock(), action, device, modified, `admin@${deps.domain}`));
  }

  function pending(id: string, action: "retire" | "wipe" | "delete"): ManagedDevice {
    const entry = live(id);
    const state = PENDING[action];
    log(action, entry.device, [
      { displayName: "ManagementState", oldValue: entry.device.managementState, newValue: state },
    ]);
    return change(id, { managementState: state }, false);
  }

  return {
    get deviceSlots() {
      return baseDevices + added;
    },
    get deviceCount() {
      return baseDevices + added - gone;
    },
    deviceEntry,
    device: (index) => deviceEntry(index).device,
    deviceIndex,
    getDevice(id) {
      const index = deviceIndex(id);
      const entry = index === undefined ? undefined : deviceEntry(index);
      return entry?.state === "active" ? entry.device : undefined;
    },
    *devicesOfUser(userId) {
      const user = guidIndex(seed, USER_SALT, userId);
      if (user !== undefined && user < baseUsers) {
        for (let index = user; index < baseDevices; index += baseUsers) {
          if (overlay.has(index) || deviceOwner(index, baseUsers) !== user) continue;
          yield deviceEntry(index).device;
        }
      }
      for (const entry of overlay.values()) {
        if (entry.state === "active" && entry.device.userId === userId) yield entry.device;
      }
    },
    addDevice(partial = {}, options = {}) {
      const index = baseDevices + added;
      added++;
      const ownerId = options.ownerId;
      const owner =
        ownerId === undefined
          ? deviceOwner(index, baseUsers) === undefined
            ? undefined
            : deps.userAt(deviceOwner(index, baseUsers) as number)
          : ownerId === null
            ? undefined
            : deps.liveUser(ownerId);
      if (ownerId && !owner) throw new SimulatorError("NOT_FOUND", `No user ${ownerId}`);
      const now = stamp(clock);
      const generated = generateDevice(seed, index, clock().getTime(), owner);
      const device = {
        ...generated,
        enrolledDateTime: now,
        lastSyncDateTime: now,
        ...partial,
        id: generated.id,
      };
      const entry: DeviceEntry = { index, device, state: "active" };
      overlay.set(index, entry);
      deps.record(index, "updated", entraOf(entry) !== "");
      return device;
    },
    updateDevice: (id, patch) => change(id, patch, true),
    syncDevice: (id, patch = {}) => change(id, patch, true),
    setDeviceCompliance(id, state: ComplianceState, graceUntil?: string) {
      return change(
        id,
        {
          complianceState: state,
          complianceGracePeriodExpirationDateTime:
            state === "inGracePeriod"
              ? (graceUntil ?? stamp(() => new Date(clock().getTime() + 3 * 86_400_000)))
              : NO_GRACE_PERIOD,
        },
        false,
      );
    },
    retireDevice: (id) => pending(id, "retire"),
    wipeDevice: (id) => pending(id, "wipe"),
    deleteDevice: (id) => pending(id, "delete"),
    completeDeviceAction(id) {
      const entry = live(id);
      const state = entry.device.managementState;
      if (state !== "retirePending" && state !== "wipePending" && state !== "deletePending") {
        throw new SimulatorError("INVALID_STATE", `Device ${id} has no pending retire, wipe or delete`);
      }
      return commit(entry, { ...entry, state: state === "deletePending" ? "deleted" : "retired" }, "deleted");
    },
    setDeviceOwner(id, userId, options = {}) {
      const entry = live(id);
      const owner = userId === null ? undefined : deps.liveUser(userId);
      if (userId !== null && !owner) throw new SimulatorError("NOT_FOUND", `No user ${userId}`);
      const fields = owner
        ? ownerFields(entry.index, owner)
        : { userId: "", userPrincipalName: "", userDisplayName: "", emailAddress: "" };
      log("setPrimaryUser", entry.device, [
        { displayName: "UserId", oldValue: entry.device.userId ?? null, newValue: fields.userId ?? null },
        {
          displayName: "UserPrincipalName",
          oldValue: entry.device.userPrincipalName ?? null,
          newValue: fields.userPrincipalName ?? null,
        },
      ]);
      const {
        userId: _u,
        userPrincipalName: _p,
        userDisplayName: _d,
        emailAddress: _e,
        ...rest
      } = entry.device;
      const device = {
        ...rest,
        ...fields,
        ...((options.movesLastSync ?? deps.ownerChangeMovesLastSync)
          ? { lastSyncDateTime: stamp(clock) }
          : {}),
      };
      return commit(entry, { ...entry, device }, "updated");
    },
    renameDevice(id, name) {
      const entry = live(id);
      log("rename", entry.device, [
        { displayName: "ManagedDeviceName", oldValue: entry.device.managedDeviceName, newValue: name },
      ]);
      return change(id, { managedDeviceName: name }, false);
    },
    entraDevice(index) {
      const entry = deviceEntry(index);
      return entry.state === "deleted"
        ? undefined
        : toEntraDevice(seed, index, entry.device, entry.state === "active");
    },
    auditEvents: () => audit,
    get intuneLicensed() {
      return licensed;
    },
    setIntuneLicensed(value) {
      licensed = value;
    },
  };
}
