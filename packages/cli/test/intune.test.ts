import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import type { IntegrationView, SyncLog } from "@uslimato/core";
import { DEFAULT_CLIENT_SECRET, type GraphSimulator, startGraphSimulator } from "@uslimato/simulators";
import { createSqliteStorage } from "@uslimato/storage-sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";
import { simulatorAppFlags } from "./fixtures/simulator-entra";

const ZERO_GUID = "00000000-0000-0000-0000-000000000000";

const until = async (check: () => boolean, what: string, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("uslimato with Intune integrations against the Graph simulator", () => {
  let sim: GraphSimulator;
  let home: string;
  let entraId = "";
  let intuneId = "";
  const env = { GRAPH_SECRET: DEFAULT_CLIENT_SECRET };
  const runtime = { intuneWatcher: { intervalMs: 300, minIntervalMs: 100, debounceMs: 20, maxWaitMs: 200 } };
  const cli = async (args: string[], extra: { stdin?: string } = {}) => {
    const cap = captureIo({
      homeDir: home,
      env,
      ...(extra.stdin !== undefined ? { stdin: extra.stdin } : {}),
    });
    const code = await runCli(args, { io: cap.io, runtime });
    expect(cap.all()).not.toContain(DEFAULT_CLIENT_SECRET);
    return { code, out: cap.stdout(), err: cap.stderr() };
  };
  const app = () => simulatorAppFlags(sim);
  /** Devices in Intune within the integration's scope (`--owner-types company,personal`). */
  const devicesInScope = () => {
    const ids: string[] = [];
    for (let i = 0; i < sim.model.deviceSlots; i++) {
      const { state, device } = sim.model.deviceEntry(i);
      if (state === "active" && device.managedDeviceOwnerType !== "unknown") ids.push(device.id);
    }
    return ids;
  };

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 200, devices: 300, seed: 9 } });
    home = await mkdtemp(join(tmpdir(), "usl-intune-"));
    expect((await cli(["init", "--plan", "enterprise"])).code).toBe(0);
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("refuses a secret on argv or inside --settings (2), before anything is stored", async () => {
    const flag = await cli([
      "integrations",
      "add",
      "intune",
      ...app(),
      `--client-secret=${DEFAULT_CLIENT_SECRET}`,
    ]);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("never read from the command line");
    const inSettings = await cli([
      "integrations",
      "add",
      "intune",
      ...app(),
      "--settings",
      `{"certificatePrivateKey":"${DEFAULT_CLIENT_SECRET}"}`,
    ]);
    expect(inSettings.code).toBe(2);
    expect(inSettings.err).toContain("certificatePrivateKey");
    expect(JSON.parse((await cli(["integrations", "list", "--json"])).out)).toEqual([]);
  });

  it("an unknown device property or a bad number is refused, naming it", async () => {
    const property = await cli([
      "integrations",
      "add",
      "intune",
      ...app(),
      "--device-properties",
      "imei,hardwareInformation",
      "--secret-from-env",
      "GRAPH_SECRET",
    ]);
    expect(property.code).not.toBe(0);
    expect(property.err).toContain("hardwareInformation");
    const hours = await cli(["integrations", "add", "intune", ...app(), "--full-sweep-hours", "soon"]);
    expect(hours.code).toBe(2);
    expect(hours.err).toContain("--full-sweep-hours");
  });

  it("adds Entra, then Intune with its options; the secret comes from stdin and shows only as configured", async () => {
    const entra = await cli([
      "integrations",
      "add",
      "entra",
      ...app(),
      "--secret-from-env",
      "GRAPH_SECRET",
      "--json",
    ]);
    expect(entra.code).toBe(0);
    entraId = (JSON.parse(entra.out) as IntegrationView).id;
    const added = await cli(
      [
        "integrations",
        "add",
        "intune",
        "--name",
        "Simulated Intune",
        ...app(),
        "--device-properties",
        "imei,isEncrypted",
        "--owner-types",
        "company,personal",
        "--compliance-detail",
        "perPolicy",
        "--full-sweep-hours",
        "12",
        "--overlap-minutes",
        "5",
        "--watch-audit-events",
        "--secret-stdin",
        "--json",
      ],
      { stdin: `${DEFAULT_CLIENT_SECRET}\n` },
    );
    expect(added.code).toBe(0);
    const view = JSON.parse(added.out) as IntegrationView;
    intuneId = view.id;
    expect(view).toMatchObject({ connectorId: "intune", name: "Simulated Intune", enabled: true });
    expect(view.settings).toMatchObject({
      deviceProperties: ["imei", "isEncrypted"],
      scope: { ownerTypes: ["company", "personal"] },
      complianceDetail: "perPolicy",
      fullSweepHours: 12,
      overlapMinutes: 5,
      watch: { auditEvents: true },
    });
    expect(view.secrets).toEqual([
      { name: "clientSecret", configured: true, updatedAt: expect.any(String) },
      { name: "certificatePrivateKey", configured: false, updatedAt: null },
    ]);
    const shown = await cli(["integrations", "add", "intune", "--help"]);
    expect(shown.out).toContain("--compliance-detail");
  });

  it("test answers OK; sync sweeps every device, owned by the users the Entra integration synced", async () => {
    const test = await cli(["test", intuneId]);
    expect(test.code).toBe(0);
    expect(test.out).toContain("Connection OK");
    expect((await cli(["sync", entraId])).code).toBe(0);
    const sync = await cli(["sync", intuneId, "--json"]);
    expect(sync.code).toBe(0);
    const log = JSON.parse(sync.out) as SyncLog;
    const ids = devicesInScope();
    expect(ids.length).toBeLessThan(sim.model.deviceCount);
    expect(log).toMatchObject({
      mode: "full",
      status: "success",
      counts: { created: ids.length, failed: 0 },
    });

    const plain = await cli(["sync", intuneId, "--full"]);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(new RegExp(`devices ${ids.length}\\s`));

    const storage = createSqliteStorage({ filename: join(home, ".uslimato", "uslimato.db") });
    try {
      const records = await storage.inspect.listRecords(intuneId, "device");
      expect(records.map((r) => r.externalId).sort()).toEqual([...ids].sort());
      const users = new Set(
        (await storage.inspect.listLinks(entraId, { limit: 10_000 })).map((l) => l.userId),
      );
      for (const record of records) {
        const device = sim.model.getDevice(record.externalId);
        const owned = device?.userId !== undefined && device.userId !== "" && device.userId !== ZERO_GUID;
        if (owned) expect(users.has(record.owner?.userId ?? "")).toBe(true);
        else expect(record.owner?.userId ?? null).toBeNull();
      }
      expect(records.some((r) => r.owner?.userId)).toBe(true);
      expect(records.some((r) => Array.isArray(r.data.compliancePolicies))).toBe(true);
    } finally {
      await storage.close();
    }
  });

  it("serve watches Intune: a retired device is noticed by the watcher, whose sync (trigger watch) removes it", async () => {
    const cap = captureIo({ homeDir: home, env });
    const serving = runCli(["serve", "--port", "0"], { io: cap.io, runtime });
    await until(() => cap.stdout().includes("listening on"), "the server");
    // Let the watcher's first round pass, so the change below is news to it.
    await new Promise((r) => setTimeout(r, 500));
    const [retired] = devicesInScope();
    sim.model.retireDevice(retired ?? "");
    sim.model.completeDeviceAction(retired ?? "");
    await until(() => /sync finished .*trigger=watch/.test(cap.stderr()), "the watch-triggered sync");
    cap.shutdown();
    expect(await serving).toBe(0);
    expect(cap.all()).not.toContain(DEFAULT_CLIENT_SECRET);
    const [latest] = JSON.parse((await cli(["logs", intuneId, "--json"])).out) as SyncLog[];
    expect(latest).toMatchObject({
      trigger: "watch",
      mode: "full",
      status: "success",
      counts: { deactivated: 1 },
    });
    expect(latest?.reason).toMatch(/Intune audit/);
  });
});
