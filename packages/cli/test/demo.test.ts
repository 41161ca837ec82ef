import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createColors, type DemoReport, runCli, runDemo } from "@uslimato/cli";
import { afterAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

describe("uslimato demo (non-TTY, as in CI)", () => {
  const dataDirs: string[] = [];
  afterAll(async () => {
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  it("--json: every step succeeds, in order, and the webhook round trip ends with a webhook-triggered sync", async () => {
    const cap = captureIo({ homeDir: await mkdtemp(join(tmpdir(), "usl-home-")) });
    const code = await runCli(["demo", "--users", "60", "--json"], { io: cap.io });
    expect(cap.stderr()).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(cap.stdout()) as DemoReport;
    dataDirs.push(String(report.steps[1]?.details.dataDir));
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.step)).toEqual([
      "simulator",
      "configure",
      "testConnection",
      "fullSync",
      "syncLog",
      "tenantChanges",
      "incrementalSync",
      "webhook",
      "intuneDevices",
      "intuneWatch",
      "sapSetup",
      "sapFullSync",
      "sapIncrementalSync",
      "summary",
    ]);
    expect(report.steps.every((s) => s.ok)).toBe(true);
    const step = (name: string) => report.steps.find((s) => s.step === name)?.details ?? {};
    expect(step("fullSync")).toMatchObject({ mode: "full", status: "success", counts: { created: 60 } });
    expect(step("incrementalSync")).toMatchObject({
      mode: "incremental",
      counts: { created: 3, updated: 2, deactivated: 4 },
    });
    expect(step("webhook")).toMatchObject({
      handshakeStatus: 200,
      notificationStatus: 202,
      sync: { trigger: "webhook", status: "success" },
    });
    // Intune next to Entra: devices owned by the synced users; a retired device removed by the watcher's sync.
    expect(step("intuneDevices")).toMatchObject({ mode: "full", status: "success", devices: 48 });
    expect(Number(step("intuneDevices").owned)).toBeGreaterThan(0);
    expect(step("intuneWatch")).toMatchObject({
      sync: { trigger: "watch", mode: "full", status: "success", counts: { deactivated: 1 } },
    });
    expect(step("configure")).toMatchObject({
      demoOnlyKeyRing: true,
      secrets: [
        { name: "clientSecret", configured: true },
        { name: "certificatePrivateKey", configured: false },
      ],
    });
    // SAP beside Entra: assets and employees, employees also in Entra ID on the same host users, one change picked up.
    expect(step("sapSetup")).toMatchObject({
      equipment: 30,
      fixedAssets: 10,
      employees: 20,
      sharedPeople: 10,
      testSteps: ["employees", "equipment", "fixedAssets"],
      secrets: expect.arrayContaining([{ name: "password", configured: true }]),
    });
    const sapFull = step("sapFullSync");
    expect(sapFull).toMatchObject({ mode: "full", status: "success", duplicateEmails: 0 });
    expect(sapFull.sharedUsers).toBeGreaterThan(0);
    expect(sapFull.countsByKind).toMatchObject({ asset: { created: expect.any(Number) } });
    expect(step("sapIncrementalSync")).toMatchObject({
      mode: "incremental",
      status: "success",
      description: expect.stringContaining("demo change"),
      countsByKind: { asset: { updated: 1 } },
    });
    expect(step("summary").sapAssets).toBeGreaterThan(30);
    expect(cap.stdout()).not.toContain("sim-secret");
    expect(cap.stdout()).not.toContain("sim-password");
  });

  it("human output without a TTY: plain lines, no bars, no colors, the DEMO-ONLY banner and where the data is", async () => {
    const cap = captureIo({ homeDir: await mkdtemp(join(tmpdir(), "usl-home-")) });
    const code = await runCli(["demo", "--users", "30"], { io: cap.io });
    const text = cap.stdout();
    dataDirs.push(/config\s+(\S+)\/config\.json/.exec(text)?.[1] ?? "/nonexistent");
    expect(code).toBe(0);
    expect(text.includes("\r") || text.includes("\u001b[")).toBe(false);
    expect(text).toContain("DEMO ONLY");
    expect(text).toMatch(/store\s+\S+demo\.db \(SQLite\)/);
    expect(text).toContain("✓ demo complete");
  });

  it("refuses a tenant too small for the changes step with a usage error", async () => {
    const cap = captureIo({ homeDir: await mkdtemp(join(tmpdir(), "usl-home-")) });
    expect(await runCli(["demo", "--users", "3"], { io: cap.io })).toBe(2);
  });

  it("a failed step stops the demo with exit code 1 and names the step (--json and plain lines)", async () => {
    // The tenant answers every delta page with broken JSON: the full sync fails, nothing after it runs.
    const faults = [{ kind: "malformed" as const, match: "/v1.0/users/delta" }];
    const cap = captureIo({ homeDir: await mkdtemp(join(tmpdir(), "usl-home-")) });
    const json = await runDemo({ io: cap.io, colors: createColors(false), users: 20, json: true, faults });
    expect(json.exitCode).toBe(1);
    const report = JSON.parse(cap.stdout()) as DemoReport;
    dataDirs.push(String(report.steps[1]?.details.dataDir));
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ["simulator", true],
      ["configure", true],
      ["testConnection", true],
      ["fullSync", false],
    ]);
    expect(report.steps[3]?.error?.message).toContain("the sync ended failed");

    // The token endpoint is down: the connection test fails, and the plain output says where it stopped.
    const tokenDown = [{ kind: "unavailable" as const, match: /\/oauth2\/v2\.0\/token/ }];
    const plain = captureIo({ homeDir: await mkdtemp(join(tmpdir(), "usl-home-")) });
    const human = await runDemo({ io: plain.io, colors: createColors(false), users: 20, faults: tokenDown });
    expect(human.exitCode).toBe(1);
    dataDirs.push(String(human.report.steps[1]?.details.dataDir));
    expect(human.report.steps.at(-1)).toMatchObject({ step: "testConnection", ok: false });
    expect(plain.stdout()).toContain("✗ failed");
    expect(plain.stdout()).toContain('✗ demo failed at step "Test the connection"');
    expect(plain.stdout()).not.toContain("Where the data is");
  });

  it("the uslimato binary exits with the command's code", async () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const run = promisify(execFile)(
      process.execPath,
      [tsx, "--conditions=@uslimato/source", "src/bin.ts", "demo", "--users", "3"],
      { cwd: root, timeout: 30_000 },
    );
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("--users must be") });
  });
});
