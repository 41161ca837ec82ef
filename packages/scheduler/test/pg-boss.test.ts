import type { PlanTable } from "@uslimato/core";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { ScheduledIntegration } from "../src/index";
import { createPgBossScheduler, type PgBossScheduler } from "../src/pg-boss/index";

const CONNECTION = process.env.SCHEDULER_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TEST_PLANS: PlanTable = { test: { name: "Test", interfaceHub: true, minIntervalMinutes: 1 } };
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

function testScheduler(
  schema: string,
  over: Partial<Parameters<typeof createPgBossScheduler>[0]> &
    Pick<Parameters<typeof createPgBossScheduler>[0], "source" | "run">,
): PgBossScheduler {
  return createPgBossScheduler({
    connectionString: CONNECTION,
    schema,
    bossOptions: { superviseIntervalSeconds: 1, max: 4, registerInstance: false },
    planTable: TEST_PLANS,
    intervalUnitMs: 1_000,
    tickMs: 250,
    lookaheadMs: 1_000,
    pollingIntervalSeconds: 0.5,
    localConcurrency: 25,
    tenantConcurrency: 50,
    retryDelaySeconds: 1,
    expireInSeconds: 5,
    onError: () => {},
    ...over,
  });
}

describe("createPgBossScheduler against PostgreSQL", () => {
  it("three instances, 200 integrations: each slot runs exactly once, never overlapping, even when an instance dies mid-run", async () => {
    const schema = newSchema();
    const base = Math.ceil(Date.now() / 1000) * 1000;
    const integrations: ScheduledIntegration[] = Array.from({ length: 200 }, (_, i) => ({
      id: `int-${i}`,
      tenantId: `tenant-${i % 20}`,
      plan: "test",
      intervalMinutes: 2,
      enabled: true,
      anchor: new Date(base + (i % 10) * 100),
    }));
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
});
