import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PlanTable } from "@uslimato/core";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { ScheduledIntegration } from "../src/index";
import { createPgBossScheduler } from "../src/pg-boss/index";
import { CONNECTION, slotIntegrations, TEST_PLANS, testScheduler } from "./fixtures/test-scheduler";

const INSTANCE = fileURLToPath(new URL("./fixtures/pg-boss-instance.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const schemas: string[] = [];

function newSchema(): string {
  const schema = `sched_test_${Math.random().toString(36).slice(2, 10)}`;
  schemas.push(schema);
  return schema;
}

afterAll(async () => {
  const client = new pg.Client({ connectionString: CONNECTION });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason ?? new Error("aborted"));
    });
  });

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * Every 2-second slot due after the first half second and settled before the last 3.5 s ran exactly once
 * (`completed` counts runs by `<integration id>@<slot ISO time>`). Returns how many slots it checked.
 */
function expectEverySlotOnce(
  integrations: ReadonlyArray<{ id: string; anchor: Date }>,
  completed: ReadonlyMap<string, number>,
  started: number,
  ended: number,
): number {
  let checked = 0;
  for (const integration of integrations) {
    for (let slot = integration.anchor.getTime(); slot < ended - 3_500; slot += 2_000) {
      if (slot < started + 500) continue;
      checked++;
      expect(
        completed.get(`${integration.id}@${new Date(slot).toISOString()}`),
        `${integration.id} ${slot}`,
      ).toBe(1);
    }
  }
  return checked;
}

describe("createPgBossScheduler against PostgreSQL", () => {
  it("three instances, 200 integrations: each slot runs exactly once, never overlapping, even when an instance dies mid-run", async () => {
    const schema = newSchema();
    const base = Math.ceil(Date.now() / 1000) * 1000;
    const integrations = slotIntegrations(200, base);
    const completed = new Map<string, number>();
    const running = new Set<string>();
    let overlaps = 0;
    let killedRuns = 0;
    let inFlightOnC = 0;
    const source = { list: async () => integrations };
    const runOn =
      (instance: string) =>
      async (id: string, { signal, slot }: { signal: AbortSignal; slot: Date }) => {
        if (running.has(id)) overlaps++;
        running.add(id);
        if (instance === "c") inFlightOnC++;
        try {
          await sleep(30 + Math.random() * 120, signal);
          const key = `${id}@${slot.toISOString()}`;
          completed.set(key, (completed.get(key) ?? 0) + 1);
        } catch (error) {
          if (instance === "c") killedRuns++;
          throw error;
        } finally {
          if (instance === "c") inFlightOnC--;
          running.delete(id);
        }
      };
    const a = testScheduler(schema, { source, run: runOn("a") });
    await a.start();
    const b = testScheduler(schema, { source, run: runOn("b") });
    const c = testScheduler(schema, { source, run: runOn("c") });
    await Promise.all([b.start(), c.start()]);
    const started = Date.now();

    await sleep(4_000);
    while (inFlightOnC === 0) await sleep(5);
    // Kill instance c mid-run: no waiting, its running syncs are aborted and their jobs handed back.
    await c.stop({ graceful: false });
    await sleep(7_000);
    const ended = Date.now();
    await Promise.all([a.stop(), b.stop()]);

    expect(overlaps).toBe(0);
    expect(killedRuns).toBeGreaterThan(0);
    expect([...completed.values()].every((n) => n === 1)).toBe(true);
    // Every slot due after the first full second and settled before the end ran exactly once.
    const checked = expectEverySlotOnce(integrations, completed, started, ended);
    expect(checked).toBeGreaterThanOrEqual(200 * 3);
  }, 60_000);

  it("retries a failing run with backoff and dead-letters it when it keeps failing", async () => {
    const schema = newSchema();
    const anchor = new Date(Date.now() - 500);
    const attempts: number[] = [];
    const scheduler = testScheduler(schema, {
      source: {
        list: async () => [
          { id: "bad", tenantId: "t", plan: "test", intervalMinutes: 3_600, enabled: true, anchor },
        ],
      },
      run: async () => {
        attempts.push(Date.now());
        throw new Error("keeps failing");
      },
      retryLimit: 1,
      jitter: { ratio: 0 },
    });
    await scheduler.start();
    const boss = scheduler.boss;
    if (!boss) throw new Error("not started");
    let dead: unknown[] = [];
    for (let i = 0; i < 40 && dead.length === 0; i++) {
      await sleep(250);
      dead = await boss.findJobs(scheduler.deadLetterQueue);
    }
    await scheduler.stop();
    expect(attempts).toHaveLength(2);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ data: { integrationId: "bad", slot: anchor.toISOString() } });
  }, 30_000);

  it("skips a queued slot that is off the grid after a plan change, and tells the host", async () => {
    const schema = newSchema();
    const anchor = new Date(Date.now() - 500);
    let plan = "test";
    const plans: PlanTable = {
      ...TEST_PLANS,
      slow: { name: "Slow", interfaceHub: true, minIntervalMinutes: 7 },
    };
    const runs: string[] = [];
    const adjusted: unknown[] = [];
    const scheduler = testScheduler(schema, {
      source: {
        list: async () => [{ id: "x", tenantId: "t", plan, intervalMinutes: 2, enabled: true, anchor }],
      },
      run: async (_id, { slot }) => void runs.push(slot.toISOString()),
      planTable: plans,
      lookaheadMs: 5_000,
      onAdjusted: (event) => adjusted.push(event),
    });
    await scheduler.start();
    await sleep(1_000);
    expect(runs).toEqual([anchor.toISOString()]);
    plan = "slow";
    await scheduler.refresh();
    await sleep(2_500);
    await scheduler.stop();
    expect(adjusted).toEqual([expect.objectContaining({ integrationId: "x", fromMinutes: 2, toMinutes: 7 })]);
    // The slot at anchor + 2 s was already queued on the old grid; it is skipped, not run.
    expect(runs).toEqual([anchor.toISOString()]);
  }, 30_000);

  it("loses no slot and doubles none when an instance is killed with SIGKILL: its runs' heartbeats lapse and they run once elsewhere", async () => {
    const schema = newSchema();
    const base = Math.ceil(Date.now() / 1000) * 1000;
    const count = 100;
    const integrations = slotIntegrations(count, base);
    const completed = new Map<string, number>();
    const running = new Set<string>();
    // Integrations with a run in flight in the child, which never finishes a run: in flight until it dies.
    const inChild = new Set<string>();
    const startedInChild: string[] = [];
    let overlaps = 0;
    const run = async (id: string, { signal, slot }: { signal: AbortSignal; slot: Date }) => {
      if (running.has(id) || inChild.has(id)) overlaps++;
      running.add(id);
      try {
        await sleep(30 + Math.random() * 120, signal);
        const key = `${id}@${slot.toISOString()}`;
        completed.set(key, (completed.get(key) ?? 0) + 1);
      } finally {
        running.delete(id);
      }
    };
    const source = { list: async () => integrations };
    // Runs would expire only after two minutes: what rescues the dead instance's runs is their heartbeat (10 s).
    const crash = { expireInSeconds: 120, heartbeatSeconds: 10 };
    // The child starts alone and takes its runs first; a and b join once it has five in flight, so the test does
    // not depend on the child winning jobs from two instances that start faster (as under a loaded machine).
    const a = testScheduler(schema, { source, run, ...crash });
    const b = testScheduler(schema, { source, run, ...crash });
    const child = spawn(
      process.execPath,
      [
        "--conditions=@uslimato/source",
        "--import",
        "tsx",
        INSTANCE,
        schema,
        String(count),
        String(base),
        JSON.stringify(crash),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, sig) => resolve(sig)),
    );
    let ready = false;
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "ready") ready = true;
        const [word, id, slot] = line.split(" ");
        if (word !== "run" || id === undefined || slot === undefined) continue;
        if (running.has(id) || inChild.has(id)) overlaps++;
        inChild.add(id);
        startedInChild.push(`${id}@${slot}`);
      }
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      await until(() => ready, 30_000, `the child instance (${stderr})`);
      const started = Date.now();
      await until(() => inChild.size >= 5, 30_000, "runs in the child instance");
      await Promise.all([a.start(), b.start()]);
      await sleep(500);
      // No stop, no cleanup: the process dies with its runs in flight and its jobs still active in pg-boss.
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      inChild.clear();
      // Their heartbeats lapse within 10 s, the runs are retried on a or b, and the slots queued behind follow.
      await sleep(16_000);
      const ended = Date.now();
      await Promise.all([a.stop(), b.stop()]);

      expect(overlaps).toBe(0);
      expect(startedInChild.length).toBeGreaterThanOrEqual(5);
      expect([...completed.values()].every((n) => n === 1)).toBe(true);
      for (const key of startedInChild) expect(completed.get(key), `${key} (killed mid-run)`).toBe(1);
      const checked = expectEverySlotOnce(integrations, completed, started, ended);
      expect(checked).toBeGreaterThanOrEqual(count * 4);
    } finally {
      child.kill("SIGKILL");
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 90_000);

  it("caps one tenant's runs across instances at tenantConcurrency, without holding up other tenants", async () => {
    const schema = newSchema();
    const anchor = new Date(Date.now() - 500);
    const integrations: ScheduledIntegration[] = Array.from({ length: 10 }, (_, i) => ({
      id: `t-${i}`,
      tenantId: i < 8 ? "big" : "small",
      plan: "test",
      intervalMinutes: 3_600,
      enabled: true,
      anchor,
    }));
    const tenantOf = new Map(integrations.map((i) => [i.id, i.tenantId]));
    const active = new Map<string, number>();
    const maxActive = new Map<string, number>();
    const startedAt = new Map<string, number>();
    const run = async (id: string) => {
      const tenant = tenantOf.get(id) ?? "";
      startedAt.set(id, Date.now());
      active.set(tenant, (active.get(tenant) ?? 0) + 1);
      maxActive.set(tenant, Math.max(maxActive.get(tenant) ?? 0, active.get(tenant) ?? 0));
      await sleep(400);
      active.set(tenant, (active.get(tenant) ?? 0) - 1);
    };
    const options = {
      source: { list: async () => integrations },
      run,
      tenantConcurrency: 2,
      jitter: { ratio: 0 },
    };
    const a = testScheduler(schema, options);
    await a.start();
    const b = testScheduler(schema, options);
    await b.start();
    try {
      await until(() => startedAt.size === 10, 20_000, "every integration to run");
      await sleep(450);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    // Two instances with 25 local slots each, yet never more than two runs of one tenant at once.
    expect(maxActive.get("big")).toBe(2);
    expect(maxActive.get("small")).toBe(2);
    const lastBig = Math.max(
      ...integrations.filter((i) => i.tenantId === "big").map((i) => startedAt.get(i.id) ?? 0),
    );
    for (const id of ["t-8", "t-9"]) expect(startedAt.get(id)).toBeLessThan(lastBig);
  }, 30_000);

  it("refuses a heartbeat below pg-boss's 10-second minimum", () => {
    const make = (heartbeatSeconds: number) =>
      createPgBossScheduler({
        connectionString: CONNECTION,
        source: { list: async () => [] },
        run: async () => {},
        heartbeatSeconds,
      });
    expect(() => make(5)).toThrow(expect.objectContaining({ code: "SCHEDULER_OPTIONS_INVALID" }));
    expect(() => make(10.5)).toThrow(expect.objectContaining({ code: "SCHEDULER_OPTIONS_INVALID" }));
    expect(() => make(10)).not.toThrow();
  });
});
