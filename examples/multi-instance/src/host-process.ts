/**
 * One host instance: the hub on the shared PostgreSQL schema and the pg-boss scheduler. Every instance runs
 * this same code; pg-boss hands each slot's job to one of them. Prints one JSON event per line; stops
 * gracefully on SIGTERM or SIGINT.
 *
 * Environment: DATABASE_URL, USLIMATO_SCHEMA, USLIMATO_KEYS, USLIMATO_SYSTEMS, INSTANCE.
 *
 * @module
 */
import { isUslimatoError } from "@uslimato/core";
import { createPgBossScheduler } from "@uslimato/scheduler/pg-boss";
import { DEMO_PLANS, INTERVAL_UNIT_MS, openHost } from "./open-host";
import type { HostEvent } from "./run-record";

const instance = process.env["INSTANCE"] ?? `host-${process.pid}`;
const config = {
  connectionString: process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test",
  schema: process.env["USLIMATO_SCHEMA"] ?? "uslimato",
  keys: process.env["USLIMATO_KEYS"] ?? "",
  systems: Number(process.env["USLIMATO_SYSTEMS"] ?? "1"),
};
const emit = (event: HostEvent) => process.stdout.write(`${JSON.stringify(event)}\n`);

const { hub, storage } = await openHost(config);
const scheduler = createPgBossScheduler({
  connectionString: config.connectionString,
  schema: `${config.schema}_boss`,
  bossOptions: { superviseIntervalSeconds: 1, max: 4 },
  planTable: DEMO_PLANS,
  intervalUnitMs: INTERVAL_UNIT_MS,
  tickMs: 250,
  lookaheadMs: 1_000,
  pollingIntervalSeconds: 0.5,
  localConcurrency: 2, // runs at once per instance: small here, so both instances get work
  retryDelaySeconds: 1,
  source: {
    list: async () =>
      (await hub.integrations.list({ enabled: true })).map((i) => ({
        id: i.id,
        tenantId: i.tenantId,
        plan: "demo",
        intervalMinutes: i.intervalMinutes,
        enabled: i.enabled,
        anchor: i.createdAt,
      })),
  },
  run: async (integrationId, { signal, slot }) => {
    const startedAt = Date.now();
    try {
      const log = await hub.syncNow(integrationId, { signal, trigger: "schedule" });
      emit({
        event: "run",
        instance,
        integrationId,
        slot: slot.toISOString(),
        startedAt,
        finishedAt: Date.now(),
        status: log.status,
        failureCode: log.failureCode,
      });
    } catch (error) {
      // Another instance (or a "Sync now") holds the integration's lock: pg-boss retries the slot later.
      if (isUslimatoError(error, "SYNC_ALREADY_RUNNING"))
        emit({ event: "busy", instance, integrationId, slot: slot.toISOString() });
      throw error;
    }
  },
  onError: () => {},
});
await scheduler.start();
emit({ event: "ready", instance, pid: process.pid });

const stop = async () => {
  await scheduler.stop({ graceful: true, timeoutMs: 5_000 });
  await storage.close();
  emit({ event: "stopped", instance });
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
