import { createEntraConnector } from "@uslimato/connector-entra";
import { createIntuneBudgets, createIntuneConnector } from "@uslimato/connector-intune";
import { createSapConnector } from "@uslimato/connector-sap";
import type { AnyConnector, Hub, SyncLog } from "@uslimato/core";
import { createKeyRing, generateKey } from "@uslimato/credential-store";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startGraphSimulator } from "@uslimato/simulators";
import { createPostgresStorage, type PostgresStorage } from "@uslimato/storage-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInterfaceHub } from "../src/index";
import { randomName, TEST_DATABASE_URL } from "./support/entra-setup";

const DEVICES = 600;
const PAGE = 100;
const INTERVAL = 300;

/** The next sync of an integration: when it started, and its finished log. */
function nextSync(hub: Hub<AnyConnector>, integrationId: string, ms: number) {
  let onStart: (event: { trigger: string }) => void = () => {};
  let onTimeout: (error: Error) => void = () => {};
  const started = new Promise<{ trigger: string }>((resolve, reject) => {
    onStart = resolve;
    onTimeout = reject;
  });
  const finished = new Promise<SyncLog>((resolve, reject) => {
    const offStart = hub.on("syncStarted", (event) => {
      if (event.integrationId === integrationId) onStart(event);
    });
    const off = hub.on("syncFinished", (event) => {
      if (event.integrationId !== integrationId) return;
      clearTimeout(timer);
      off();
      offStart();
      resolve(event.log);
    });
    const timer = setTimeout(() => {
      off();
      offStart();
      const error = new Error(`no sync of ${integrationId} within ${ms} ms`);
      onTimeout(error);
      reject(error);
    }, ms);
  });
  return { started, finished };
}

describe("createInterfaceHub runs the Intune change watcher (issue 21)", () => {
  const schema = randomName();
  const keyRing = createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" });
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 6 });
  let storage: PostgresStorage;
  let sim: Awaited<ReturnType<typeof startGraphSimulator>>;
  let tenants = 0;

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 200, devices: DEVICES, seed: 21 } });
    storage = await createPostgresStorage({ pool, schema });
  });
  afterAll(async () => {
    await storage?.close();
    await sim?.close();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  const compose = () =>
    createInterfaceHub({
      connectors: [
        createEntraConnector(),
        createIntuneConnector({
          pageSize: PAGE,
          retry: { baseDelayMs: 5, maxDelayMs: 50 },
          budgets: createIntuneBudgets(),
          watcher: { intervalMs: INTERVAL, minIntervalMs: 100, debounceMs: 20, maxWaitMs: 200 },
        }),
        createSapConnector(),
      ],
      storage,
      keyRing,
      plan: "enterprise",
      scheduler: false,
    });

  const createIntune = async (hub: Hub<AnyConnector>) =>
    (
      await hub.integrations.create({
        tenantId: `host-tenant-${++tenants}`,
        connectorId: "intune",
        name: "Microsoft Intune (simulated)",
        settings: {
          tenantId: sim.tenantId,
          clientId: DEFAULT_CLIENT_ID,
          endpoints: {
            authorityHost: sim.authorityHost,
            graphBaseUrl: `${sim.graphBaseUrl}/v1.0`,
            scope: "https://graph.microsoft.com/.default",
          },
        },
        secrets: { clientSecret: DEFAULT_CLIENT_SECRET },
        intervalMinutes: 60,
      })
    ).id;

  const devices = async (id: string) => (await storage.inspect.listRecords(id, "device")).length;

  it("notices a device change and syncs it with trigger watch, and stops watching on stop()", async () => {
    const app = compose();
    await app.start();
    const id = await createIntune(app.hub);
    expect(await app.hub.syncNow(id)).toMatchObject({ status: "success", trigger: "manual" });
    expect(await devices(id)).toBe(DEVICES);
    // The watcher's first round starts from "now": let it pass.
    await new Promise((r) => setTimeout(r, INTERVAL * 1.5));

    const device = sim.model.device(7);
    const sync = nextSync(app.hub, id, INTERVAL * 6);
    const synced = sim.model.syncDevice(device.id);
    const log = await sync.finished;
    expect(log).toMatchObject({ trigger: "watch", status: "success" });
    expect(log.counts.updated).toBe(1);
    const stored = (await storage.inspect.listRecords(id, "device")).find((r) => r.externalId === device.id);
    expect(stored?.data.lastSeen).toBe(synced.lastSyncDateTime);

    expect(await app.stop()).toEqual({ drained: true, aborted: 0 });
    // Stopped: a further change is not noticed.
    const before = (await storage.syncLogs.list(id)).length;
    sim.model.syncDevice(sim.model.device(8).id);
    await new Promise((r) => setTimeout(r, INTERVAL * 2.5));
    expect((await storage.syncLogs.list(id)).length).toBe(before);
  });

  it("stop() lets a running watch sync finish", async () => {
    const app = compose();
    await app.start();
    const slow = sim.faults.inject({ kind: "slow", match: /managedDevices/, delayMs: 100 });
    const id = await createIntune(app.hub);
    // Never synced: its first run is the watcher's, at the end of its first round of probes.
    const sync = nextSync(app.hub, id, INTERVAL * 8);
    sim.model.syncDevice(sim.model.device(11).id);
    try {
      expect(await sync.started).toMatchObject({ trigger: "watch" });
      const report = await app.stop();
      expect(report).toEqual({ drained: true, aborted: 0 });
      expect(await sync.finished).toMatchObject({ trigger: "watch", status: "success" });
      expect(await devices(id)).toBe(DEVICES);
    } finally {
      slow.remove();
    }
  });

  it("stop() at its timeout aborts a watch sync at a page boundary: nothing half-applied, the next run resumes", async () => {
    const app = compose();
    await app.start();
    const slow = sim.faults.inject({ kind: "slow", match: /managedDevices/, delayMs: 150 });
    const id = await createIntune(app.hub);
    // Never synced: its first run is the watcher's, at the end of its first round of probes.
    const sync = nextSync(app.hub, id, INTERVAL * 8);
    sim.model.syncDevice(sim.model.device(12).id);
    let log: SyncLog;
    try {
      expect(await sync.started).toMatchObject({ trigger: "watch" });
      await new Promise((r) => setTimeout(r, 400));
      expect(await app.stop({ timeoutMs: 50 })).toEqual({ drained: false, aborted: 1 });
      log = await sync.finished;
    } finally {
      slow.remove();
    }
    expect(log).toMatchObject({ trigger: "watch", status: "failed", failureCode: "SYNC_ABORTED" });
    expect(log.finishedAt).not.toBeNull();
    // Whole pages only: what the log counts is exactly what is stored.
    const stored = await devices(id);
    expect(stored).toBe(log.counts.created);
    expect(stored % PAGE).toBe(0);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(DEVICES);
    expect((await storage.syncLogs.list(id)).every((l) => l.finishedAt !== null)).toBe(true);

    const next = compose();
    await next.start();
    const resumed = await next.hub.syncNow(id);
    expect(resumed.status).toBe("success");
    expect(await devices(id)).toBe(DEVICES);
    await next.stop();
  });
});
