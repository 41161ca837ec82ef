import { SimulatorError } from "../../errors/simulator-error";
import { deterministicGuid, guidIndex } from "../../random/deterministic-guid";
import { seedToNumber } from "../../random/seed-to-number";
import type { AppRegistration } from "./app-registration";
import { createDeviceStore } from "./create-device-store";
import { GROUP_SALT, generateGroup } from "./generate-group";
import { generateUser, USER_SALT } from "./generate-user";
import {
  type ChangeEntry,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_ROLES,
  type DeviceModel,
  type GraphModel,
  type GraphModelOptions,
  type UserEntry,
} from "./graph-model";
import type { GraphGroup, GraphUser } from "./graph-types";
import { drawUser, USER_FIELDS } from "./user-fields";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface GroupOverlay {
  added: Set<string>;
  removed: Set<string>;
}

/**
 * Creates the deterministic Graph tenant: users, groups and devices are generated on demand from the seed and
 * an index, and every mutation lands in a small overlay plus an append-only change log (the source of delta
 * queries and change notifications). Creating a 1,000,000-user model allocates nothing per user.
 *
 * @example
 * ```ts
 * const model = createGraphModel({ seed: 42, users: 1_000_000 });
 * const user = model.addUser({ displayName: "Zoë Müller" });
 * model.softDeleteUser(user.id);
 * ```
 */
export function createGraphModel(options: GraphModelOptions = {}): GraphModel {
  const seed = seedToNumber(options.seed);
  const baseUsers = options.users ?? 100;
  const groupCount = options.groups ?? Math.max(1, Math.min(1000, Math.ceil(baseUsers / 50)));
  const deviceCount = options.devices ?? Math.ceil(baseUsers * 0.8);
  if (!Number.isInteger(baseUsers) || baseUsers < 0 || groupCount < 0 || deviceCount < 0) {
    throw new SimulatorError("INVALID_OPTION", "users, groups and devices must be non-negative integers");
  }
  const clock = options.clock ?? (() => new Date());
  const tenantId = options.tenantId ?? deterministicGuid(seed, 9, 0);
  const domain = options.domain ?? "uslimato-sim.onmicrosoft.com";
  const anchor = Math.floor(clock().getTime() / 86_400_000) * 86_400_000;
  const users = new Map<number, UserEntry>();
  const groups = new Map<number, GroupOverlay>();
  const apps = new Map<string, AppRegistration>();
  const log: ChangeEntry[] = [];
  const listeners = new Set<(change: ChangeEntry) => void>();
  let added = 0;
  let generation = 0;

  for (const app of options.apps ?? [
    { clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, roles: DEFAULT_ROLES },
  ]) {
    apps.set(app.clientId, app);
  }

  function record(change: DistributiveOmit<ChangeEntry, "seq" | "at">): void {
    const entry = { ...change, seq: log.length + 1, at: clock().getTime() } as ChangeEntry;
    log.push(entry);
    for (const listener of listeners) listener(entry);
  }

  function userEntry(index: number): UserEntry {
    const overlay = users.get(index);
    if (overlay) return overlay;
    if (index < 0 || index >= baseUsers) throw new SimulatorError("NOT_FOUND", `No user slot ${index}`);
    return { index, user: generateUser(seed, index, domain), state: "active" };
  }

  function userIndex(id: string): number | undefined {
    const index = guidIndex(seed, USER_SALT, id);
    return index !== undefined && index < baseUsers + added ? index : undefined;
  }

  function existing(id: string): UserEntry {
    const index = userIndex(id);
    const entry = index === undefined ? undefined : userEntry(index);
    if (!entry || entry.state === "hardDeleted") throw new SimulatorError("NOT_FOUND", `No user ${id}`);
    return entry;
  }

  function change(entry: UserEntry, next: Partial<UserEntry>, changeType: "updated" | "deleted"): UserEntry {
    const updated = { ...entry, ...next };
    users.set(entry.index, updated);
    record({ resource: "users", index: entry.index, changeType });
    return updated;
  }

  function live(id: string): UserEntry {
    const entry = existing(id);
    if (entry.state !== "active") throw new SimulatorError("INVALID_STATE", `User ${id} is deleted`);
    return entry;
  }

  function groupIndex(id: string): number | undefined {
    const index = guidIndex(seed, GROUP_SALT, id);
    return index !== undefined && index < groupCount ? index : undefined;
  }

  function groupOf(id: string): [number, GroupOverlay] {
    const index = groupIndex(id);
    if (index === undefined) throw new SimulatorError("NOT_FOUND", `No group ${id}`);
    let overlay = groups.get(index);
    if (!overlay) {
      overlay = { added: new Set(), removed: new Set() };
      groups.set(index, overlay);
    }
    return [index, overlay];
  }

  function isBaseMember(group: number, userId: string): boolean {
    const index = userIndex(userId);
    return index !== undefined && index < baseUsers && index % groupCount === group;
  }

  const store = createDeviceStore({
    seed,
    anchor,
    baseDevices: deviceCount,
    baseUsers,
    clock,
    domain,
    ownerChangeMovesLastSync: options.ownerChangeMovesLastSync ?? false,
    userAt(index) {
      const changed = users.get(index);
      if (changed) return changed.user;
      const draw = drawUser(seed, index, domain);
      return {
        id: USER_FIELDS.id(draw),
        userPrincipalName: USER_FIELDS.userPrincipalName(draw),
        displayName: USER_FIELDS.displayName(draw),
        mail: USER_FIELDS.mail(draw),
      };
    },
    liveUser: (id) => model.getUser(id),
    record: (index, changeType, entra) => record({ resource: "devices", index, changeType, entra }),
  });

  const model: GraphModel = Object.defineProperties(
    {
      seed,
      tenantId,
      domain,
      clock,
      deltaTokenMaxAgeMs: options.deltaTokenMaxAgeMs ?? 7 * 86_400_000,
      get deltaTokenGeneration() {
        return generation;
      },
      get userSlots() {
        return baseUsers + added;
      },
      groupCount,
      get sequence() {
        return log.length + 1;
      },
      counts() {
        let softDeletedUsers = 0;
        let gone = 0;
        for (const entry of users.values()) {
          if (entry.state === "softDeleted") softDeletedUsers++;
          if (entry.state !== "active") gone++;
        }
        return {
          users: baseUsers + added - gone,
          softDeletedUsers,
          groups: groupCount,
          devices: store.deviceCount,
        };
      },
      userEntry,
      isPristineUser: (index) => index >= 0 && index < baseUsers && !users.has(index),
      isPristineRange(from, to) {
        if (from < 0 || to > baseUsers) return from >= to;
        if (users.size <= to - from) {
          for (const index of users.keys()) if (index >= from && index < to) return false;
          return true;
        }
        for (let index = from; index < to; index++) if (users.has(index)) return false;
        return true;
      },
      userIndex,
      getUser(id) {
        const index = userIndex(id);
        if (index === undefined) return undefined;
        const entry = userEntry(index);
        return entry.state === "active" ? entry.user : undefined;
      },
      *listUsers() {
        for (let index = 0; index < baseUsers + added; index++) {
          const entry = userEntry(index);
          if (entry.state === "active") yield entry.user;
        }
      },
      addUser(partial = {}) {
        const index = baseUsers + added;
        added++;
        const user: GraphUser = { ...generateUser(seed, index, domain), ...partial };
        user.id = deterministicGuid(seed, USER_SALT, index);
        const entry: UserEntry = { index, user, state: "active" };
        users.set(index, entry);
        record({ resource: "users", index, changeType: "updated" });
        return user;
      },
      updateUser(id, patch) {
        const entry = live(id);
        return change(entry, { user: { ...entry.user, ...patch, id: entry.user.id } }, "updated").user;
      },
      disableUser(id) {
        return model.updateUser(id, { accountEnabled: false });
      },
      softDeleteUser(id) {
        change(live(id), { state: "softDeleted" }, "updated");
      },
      hardDeleteUser(id) {
        change(existing(id), { state: "hardDeleted" }, "deleted");
      },
      restoreUser(id) {
        const entry = existing(id);
        if (entry.state !== "softDeleted")
          throw new SimulatorError("INVALID_STATE", `User ${id} is not deleted`);
        return change(entry, { state: "active" }, "updated").user;
      },
      group(index) {
        if (index < 0 || index >= groupCount) throw new SimulatorError("NOT_FOUND", `No group ${index}`);
        return generateGroup(seed, index);
      },
      groupIndex,
      getGroup(id): GraphGroup | undefined {
        const index = groupIndex(id);
        return index === undefined ? undefined : generateGroup(seed, index);
      },
      *groupMembers(index) {
        const overlay = groups.get(index);
        for (let user = index; user < baseUsers; user += groupCount) {
          const entry = userEntry(user);
          if (entry.state === "active" && !overlay?.removed.has(entry.user.id)) yield entry.user.id;
        }
        for (const id of overlay?.added ?? []) {
          if (model.getUser(id)) yield id;
        }
      },
      addGroupMember(groupId, userId) {
        live(userId);
        const [index, overlay] = groupOf(groupId);
        if (isBaseMember(index, userId) ? !overlay.removed.delete(userId) : overlay.added.has(userId)) return;
        if (!isBaseMember(index, userId)) overlay.added.add(userId);
        record({ resource: "groups", index, changeType: "updated", memberAdded: userId });
      },
      removeGroupMember(groupId, userId) {
        const [index, overlay] = groupOf(groupId);
        if (isBaseMember(index, userId)) {
          if (overlay.removed.has(userId)) return;
          overlay.removed.add(userId);
        } else if (!overlay.added.delete(userId)) {
          return;
        }
        record({ resource: "groups", index, changeType: "updated", memberRemoved: userId });
      },
      changesBetween(from, to) {
        return log.slice(Math.max(0, from - 1), Math.max(0, to - 1));
      },
      expireDeltaTokens() {
        generation++;
      },
      registerApp(app) {
        apps.set(app.clientId, app);
      },
      getApp(clientId) {
        return apps.get(clientId);
      },
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } as Omit<GraphModel, keyof DeviceModel> as GraphModel,
    Object.getOwnPropertyDescriptors(store),
  );
  return model;
}
