import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DemoReport, runCli } from "@uslimato/cli";
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
    expect(step("configure")).toMatchObject({
      demoOnlyKeyRing: true,
      secrets: [
        { name: "clientSecret", configured: true },
        { name: "certificatePrivateKey", configured: false },
      ],
    });
    expect(cap.stdout()).not.toContain("sim-secret");
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
});
