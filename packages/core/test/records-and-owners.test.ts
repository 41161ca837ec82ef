import { createHub, createMemoryStorage, type HubOptions, SWEEP_INCOMPLETE } from "@uslimato/core";
import {
  createFakeConnector,
  createFakeRecordConnector,
  FakeDirectory,
  FakeInventory,
} from "@uslimato/core/testing";
import { describe, expect, it } from "vitest";
import { createTestVault } from "./fixtures/test-vault";

/** One hub with an Entra-like user integration (`entra`) and a device integration whose owners are Entra ids. */
async function setup(options: { people?: number; devices?: number; hub?: Partial<HubOptions> } = {}) {
  const people = new FakeDirectory({ people: options.people ?? 20 });
  const inventory = new FakeInventory({
    items: options.devices ?? 20,
    owners: (n) => ({ ownerExternalId: `p${n}` }),
  });
  const storage = createMemoryStorage();
  const hub = createHub({
    storage,
    vault: createTestVault(),
    connectors: [
      createFakeConnector(people, { id: "entra" }),
      createFakeRecordConnector(inventory, { id: "intune", ownerSource: "entra" }),
    ],
    ...options.hub,
  });
  const create = (connectorId: string, apiKey: string, tenantId = "tenant-1") =>
    hub.integrations.create({
      tenantId,
      connectorId,
      name: connectorId,
      settings: { pageSize: 7 },
      secrets: { apiKey },
      intervalMinutes: 60,
    });
  const users = await create("entra", people.apiKey);
  const devices = await create("intune", inventory.apiKey);
  return { hub, storage, people, inventory, users: users.id, devices: devices.id, create };
}

describe("guarded device sweeps", () => {
  it.each(["flag", "notice"] as const)(
    "a truncated listing (%s) removes nothing and the run says so",
    async (signal) => {
      const { hub, storage, inventory, devices } = await setup({ devices: 30 });
      await hub.syncNow(devices);
      inventory.truncateAfter = 5;
      inventory.truncationSignal = signal;
      const log = await hub.syncNow(devices);
      expect(log.status).toBe("success");
      expect(log.counts.deactivated).toBe(0);
      expect(log.notices.map((n) => n.code)).toContain(SWEEP_INCOMPLETE);
      expect(log.notices.find((n) => n.code === SWEEP_INCOMPLETE)?.message).toMatch(
        /device listing was incomplete/,
      );
      const listed = await storage.inspect.listRecords(devices, "device");
      expect(listed.filter((d) => d.removed || d.pendingRemoval)).toEqual([]);
    },
  );

  it("after a truncated listing, the next complete listing opens its own sweep and removes only what is gone", async () => {
    const { hub, storage, inventory, devices } = await setup({ devices: 30 });
    await hub.syncNow(devices);
    inventory.truncateAfter = 5;
    expect((await hub.syncNow(devices)).counts.deactivated).toBe(0);
    inventory.truncateAfter = null;
    inventory.remove("d000007");
    const log = await hub.syncNow(devices, { full: true });
    expect(log).toMatchObject({ status: "success", failureCode: null });
    expect(log.counts.deactivated).toBe(1);
    const removed = (await storage.inspect.listRecords(devices, "device")).filter((d) => d.removed);
    expect(removed.map((d) => d.externalId)).toEqual(["d000007"]);
  });

  it("a silently truncated listing above the threshold is blocked, keeps its checkpoint, and confirming applies it", async () => {
    const { hub, storage, inventory, devices } = await setup({ devices: 100 });
    await hub.syncNow(devices);
    inventory.truncateAfter = 40;
    inventory.truncationSignal = "silent";
    const blocked = await hub.syncNow(devices);
    expect(blocked).toMatchObject({ status: "failed", failureCode: "MASS_DEACTIVATION_BLOCKED" });
    expect(blocked.errors.at(-1)?.message).toMatch(/remove 60 of 100 devices/);
    expect(blocked.counts.deactivated).toBe(0);
    expect((await storage.inspect.listRecords(devices, "device")).filter((d) => d.removed)).toEqual([]);
    expect(await storage.checkpoints.get(devices)).toMatchObject({ value: { connector: { cursor: 0 } } });
    expect(await storage.directory.countRecordRemovals(devices, "device")).toEqual({
      pending: 60,
      present: 100,
    });
    expect(await hub.confirmDeactivations(devices)).toBe(60);
    const after = await storage.inspect.listRecords(devices, "device");
    expect(after.filter((d) => d.removed)).toHaveLength(60);
    const actions = (await hub.auditLog({ integrationId: devices })).map((e) => e.action);
    expect(actions).toContain("sync.deactivations.confirmed");
  });

  it("a run with the confirm override applies a blocked sweep; a small one passes the guard", async () => {
    const { hub, storage, inventory, devices } = await setup({ devices: 100 });
    await hub.syncNow(devices);
    for (let i = 0; i < 5; i++) inventory.remove(`d00000${i}`);
    const small = await hub.syncNow(devices);
    expect(small).toMatchObject({ status: "success" });
    expect(small.countsByKind.device?.deactivated).toBe(5);
    for (let i = 10; i < 50; i++) inventory.remove(`d0000${i}`);
    expect((await hub.syncNow(devices)).failureCode).toBe("MASS_DEACTIVATION_BLOCKED");
    const confirmed = await hub.syncNow(devices, { confirmMassDeactivation: true });
    expect(confirmed).toMatchObject({ status: "success" });
    expect(confirmed.counts.deactivated).toBe(40);
    expect((await storage.inspect.listRecords(devices, "device")).filter((d) => d.removed)).toHaveLength(45);
  });

  it("discarding drops held-back removals; a device listed again cancels its removal", async () => {
    const { hub, storage, inventory, devices } = await setup({ devices: 50 });
    await hub.syncNow(devices);
    inventory.truncateAfter = 10;
    inventory.truncationSignal = "silent";
    await hub.syncNow(devices);
    expect(await hub.discardDeactivations(devices)).toBe(40);
    inventory.truncateAfter = null;
    await hub.syncNow(devices);
    expect(await storage.directory.countRecordRemovals(devices, "device")).toEqual({
      pending: 0,
      present: 50,
    });
  });
});

describe("owners", () => {
  it("devices resolve to the users who own them, whichever integration syncs first", async () => {
    const { hub, storage, devices, users } = await setup({ people: 10, devices: 10 });
    const deviceLog = await hub.syncNow(devices);
    expect(deviceLog.status).toBe("success");
    expect(await hub.records.listUnowned("tenant-1", "device")).toHaveLength(10);
    await hub.syncNow(users);
    expect(await hub.records.listUnowned("tenant-1", "device")).toEqual([]);
    const link = (await storage.inspect.listLinks(users)).find((l) => l.externalId === "p000003")!;
    const owned = await hub.records.listByOwner(link.userId);
    expect(owned.map((r) => [r.externalId, r.owner?.externalUserId])).toEqual([["d000003", "p000003"]]);
  });

  it("resolves at once when the users are there first, and by e-mail", async () => {
    const { hub, storage, inventory, devices, users } = await setup({ people: 5, devices: 5 });
    inventory.update("d000004", { ownerExternalId: null, ownerEmail: "PERSON.000002@example.com" });
    inventory.update("d000003", { ownerExternalId: "nobody" });
    await hub.syncNow(users);
    await hub.syncNow(devices);
    const byExternal = Object.fromEntries(
      (await storage.inspect.listLinks(users)).map((l) => [l.externalId, l.userId]),
    );
    const owners = (await hub.records.list(devices, "device")).map((r) => [r.externalId, r.owner?.userId]);
    expect(owners).toEqual([
      ["d000000", byExternal.p000000],
      ["d000001", byExternal.p000001],
      ["d000002", byExternal.p000002],
      ["d000003", null],
      ["d000004", byExternal.p000002],
    ]);
    expect((await hub.records.listByOwner(byExternal.p000002!)).map((r) => r.externalId)).toEqual([
      "d000002",
      "d000004",
    ]);
    expect((await hub.records.listUnowned("tenant-1", "device")).map((r) => r.externalId)).toEqual([
      "d000003",
    ]);
  });

  it("an owner in another host tenant's Entra integration does not match", async () => {
    const { hub, people, devices, create } = await setup({ people: 3, devices: 3 });
    const other = await create("entra", people.apiKey, "tenant-2");
    await hub.syncNow(other.id);
    await hub.syncNow(devices);
    expect(await hub.records.listUnowned("tenant-1", "device")).toHaveLength(3);
  });
});

describe("trigger watch", () => {
  it("records the watcher's trigger and reason in the sync log and the audit log", async () => {
    const { hub, devices } = await setup({ devices: 3 });
    const log = await hub.syncNow(devices, { trigger: "watch", reason: "3 devices checked in since 08:00" });
    expect(log).toMatchObject({
      trigger: "watch",
      reason: "3 devices checked in since 08:00",
      status: "success",
    });
    expect((await hub.syncLogs(devices))[0]).toMatchObject({ trigger: "watch", reason: log.reason });
    const started = (await hub.auditLog({ integrationId: devices })).find((e) => e.action === "sync.started");
    expect(started).toMatchObject({ actor: { type: "watcher" }, details: { trigger: "watch" } });
  });
});

describe("record mappings", () => {
  /** A tiny engine: `{ rename: { from: to } }` mappings, defaults merged with overrides; unknown keys are invalid. */
  const renaming: HubOptions["mapping"] = {
    validate: ({ overrides }) =>
      overrides !== undefined &&
      (typeof overrides !== "object" || overrides === null || !("rename" in overrides))
        ? [{ path: ["rename"], message: "rename is required" }]
        : [],
    compile: ({ defaults, overrides }) => {
      const rename = {
        ...((defaults as { rename?: Record<string, string> } | undefined)?.rename ?? {}),
        ...((overrides as { rename?: Record<string, string> } | undefined)?.rename ?? {}),
      };
      return {
        createOnly: new Set(),
        mapPage: (records) =>
          records.map((r) => ({
            values: Object.fromEntries(Object.entries(r).map(([k, v]) => [rename[k] ?? k, v])),
            skip: [],
            errors: [],
          })),
      };
    },
  };

  it("maps device pages with the integration's overrides, and previews them before they are saved", async () => {
    const { hub, storage, devices } = await setup({ devices: 2, hub: { mapping: renaming } });
    await hub.integrations.update(devices, { mappings: { device: { rename: { name: "deviceName" } } } });
    await hub.syncNow(devices);
    expect((await storage.inspect.listRecords(devices, "device"))[0]?.data).toEqual({
      deviceName: "Device 000000",
    });
    const preview = await hub.previewMapping(devices, "device", [{ name: "Laptop" }], {
      overrides: { rename: { name: "label" } },
    });
    expect(preview).toEqual({ ok: true, records: [{ values: { label: "Laptop" }, skip: [], errors: [] }] });
    expect(await hub.previewMapping(devices, "device", [{ name: "x" }], { overrides: 42 })).toMatchObject({
      ok: false,
      issues: [{ message: "rename is required" }],
    });
  });
});
