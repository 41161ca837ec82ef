import { performance } from "node:perf_hooks";
import pg from "pg";
import { PgBoss } from "pg-boss";
import { nextRun, type ScheduledIntegration, scheduleParams } from "../src/index";
import { createPgBossScheduler } from "../src/pg-boss/index";

/** Figures of {@link benchScheduling}, in ms. */
export interface SchedulingBench {
  /** Computing the next slot (effective interval, jitter, next run) of every integration in process. */
  inProcessMs: number;
  /** One pg-boss enqueue pass that computes and inserts one slot job per integration. */
  pgBossEnqueueMs: number;
}

/**
 * Scheduling overhead for `integrations` integrations: the time to compute one slot for all of them, and the
 * time of one pg-boss pass that computes and enqueues that slot (in a throwaway schema, dropped after), on an
 * instance that runs nothing else meanwhile (no worker, no ticker).
 */
export async function benchScheduling(input: {
  integrations: number;
  connectionString?: string;
}): Promise<SchedulingBench> {
  const connectionString = input.connectionString ?? "postgres://postgres@127.0.0.1:5432/test";
  const now = new Date();
  const list: ScheduledIntegration[] = Array.from({ length: input.integrations }, (_, i) => ({
    id: `bench-${i}`,
    tenantId: `tenant-${i % 100}`,
    plan: ["free", "starter", "professional", "enterprise"][i % 4] ?? "enterprise",
    intervalMinutes: 60 * (1 + (i % 24)),
    enabled: true,
    // Every integration has a slot due now, so the pg-boss pass enqueues one job each.
    anchor: new Date(now.getTime() - 1_000),
  }));

  const t0 = performance.now();
  for (const integration of list) {
    const params = scheduleParams(integration);
    nextRun(integration, { now, intervalMs: params.intervalMs, jitter: params.jitterMs });
  }
  const inProcessMs = performance.now() - t0;

  const schema = `sched_bench_${Math.random().toString(36).slice(2, 10)}`;
  const boss = new PgBoss({ connectionString, schema, registerInstance: false, supervise: false });
  boss.on("error", () => {});
  await boss.start();
  try {
    const options = {
      boss,
      source: { list: async () => list },
      run: async () => {},
      tickMs: 3_600_000,
      lookaheadMs: 3_600_000,
      jitter: { ratio: 0 },
    };
    // A first instance creates the queues (its start runs one pass, whose jobs are dropped); a second one, never
    // started, so nothing else runs beside it, times one pass that computes and enqueues the slot.
    const setup = createPgBossScheduler(options);
    await setup.start();
    await setup.stop();
    await dropJobs(connectionString, schema);
    const timed = createPgBossScheduler(options);
    const t1 = performance.now();
    const result = await timed.enqueueDue(now);
    const pgBossEnqueueMs = performance.now() - t1;
    if (result.enqueued < input.integrations)
      throw new Error(`enqueued ${result.enqueued} of ${input.integrations}`);
    return { inProcessMs, pgBossEnqueueMs };
  } finally {
    await boss.stop({ graceful: false, close: true });
    await dropSchema(connectionString, schema);
  }
}

async function dropJobs(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query(`DELETE FROM ${schema}.job`);
  await client.end();
}

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const integrations = Number(process.env.BENCH_INTEGRATIONS ?? 10_000);
  const result = await benchScheduling({ integrations });
  process.stdout.write(
    `scheduling ${integrations} integrations: compute ${result.inProcessMs.toFixed(1)} ms, compute + enqueue on pg-boss ${result.pgBossEnqueueMs.toFixed(1)} ms\n`,
  );
}
