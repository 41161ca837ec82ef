import { randomBytes } from "node:crypto";
import { isUslimatoError, type SyncLog } from "@uslimato/core";
import { generateKey } from "@uslimato/credential-store";
import pg from "pg";
import { checkRuns, type RunCheck } from "./check-runs";
import { INTERVAL_UNIT_MS, openHost } from "./open-host";
import type { RunRecord } from "./run-record";
import { type SpawnedHost, spawnHost } from "./spawn-host";

/** Options of {@link runTwoInstances}. */
export interface TwoInstancesOptions {
  /** Default `postgres://postgres@127.0.0.1:5432/test` (or `DATABASE_URL`). */
  connectionString?: string;
  /** Integrations to schedule; default 4. */
  integrations?: number;
  /** Their interval in units of one second; default 2. */
  intervalUnits?: number;
  /** How long both instances run together; default 8 s. */
  runForMs?: number;
  /** Told what happens, line by line. */
  onStep?: (line: string) => void;
}

/** What the run showed. */
export interface TwoInstancesReport extends RunCheck {
  schema: string;
  runs: RunRecord[];
  /** Scheduled attempts that found the integration locked (retried by pg-boss). */
  busy: number;
  /** "Sync now" calls made by a third process meanwhile: how many ran, how many found a run in progress. */
  manual: { ran: number; alreadyRunning: number };
  syncLogs: number;
}

/**
 * Two host processes on one PostgreSQL database: a fresh schema, a few integrations, two `host-process.ts`
 * instances scheduling them with pg-boss, a "Sync now" of each integration from this process halfway, then a
 * graceful stop, the check (each slot once, no overlap) and the schemas dropped.
 */
export async function runTwoInstances(options: TwoInstancesOptions = {}): Promise<TwoInstancesReport> {
  const step = options.onStep ?? (() => {});
  const connectionString =
    options.connectionString ?? process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
  const schema = `multi_instance_${randomBytes(4).toString("hex")}`;
  // DEMO ONLY: a key ring made up for this run, handed to every instance through the environment.
  const count = options.integrations ?? 4;
  const config = {
    connectionString,
    schema,
    keys: `demo-only:${generateKey().toString("base64")}`,
    systems: count,
  };
  const intervalMs = (options.intervalUnits ?? 2) * INTERVAL_UNIT_MS;
  const admin = await openHost(config);
  const hosts: SpawnedHost[] = [];
  try {
    const integrations = [];
    for (let i = 0; i < count; i++) {
      integrations.push(
        await admin.hub.integrations.create({
          tenantId: `tenant-${i % 2}`,
          connectorId: `hr-${i + 1}`,
          name: `HR system ${i + 1}`,
          settings: { pageSize: 50 },
          secrets: { apiKey: admin.apiKey },
          intervalMinutes: options.intervalUnits ?? 2,
        }),
      );
    }
    step(`schema ${schema}: ${integrations.length} integrations, a slot every ${intervalMs / 1000} s`);
    hosts.push(await spawnHost("a", config));
    step(`instance a ready (pid ${hosts[0]?.child.pid})`);
    hosts.push(await spawnHost("b", config));
    step(`instance b ready (pid ${hosts[1]?.child.pid})`);

    const runForMs = options.runForMs ?? 8_000;
    await sleep(runForMs / 2);
    const manual = { ran: 0, alreadyRunning: 0 };
    await Promise.all(
      integrations.map(async ({ id }) => {
        try {
          await admin.hub.syncNow(id);
          manual.ran++;
        } catch (error) {
          if (!isUslimatoError(error, "SYNC_ALREADY_RUNNING")) throw error;
          manual.alreadyRunning++;
        }
      }),
    );
    step(
      `"Sync now" from a third process: ${manual.ran} ran, ${manual.alreadyRunning} found a run in progress`,
    );
    await sleep(runForMs / 2);
    const stoppedAt = Date.now();
    await Promise.all(hosts.map((host) => host.stop()));
    step("both instances stopped gracefully");

    const runs = hosts.flatMap((h) => h.events).filter((e): e is RunRecord => e.event === "run");
    const busy = hosts.flatMap((h) => h.events).filter((e) => e.event === "busy").length;
    const logs: SyncLog[] = [];
    for (const { id } of integrations) logs.push(...(await admin.hub.syncLogs(id, { limit: 1_000 })));
    const check = checkRuns({
      runs,
      logs,
      integrations: integrations.map((i) => ({ id: i.id, anchor: i.createdAt, intervalMs })),
      // Slots due from the first instance's start until a few seconds before the stop (time for a retry).
      window: { from: hosts[0]?.readyAt ?? stoppedAt, to: stoppedAt - 3_000 },
    });
    return { schema, runs, busy, manual, syncLogs: logs.length, ...check };
  } finally {
    await Promise.all(hosts.map((host) => host.stop(1_000)));
    await admin.storage.close();
    await dropSchemas(connectionString, [schema, `${schema}_boss`]);
  }
}

async function dropSchemas(connectionString: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
