import { createHub, type Hub } from "@uslimato/core";
import type { StorageAdapter, SyncLog } from "@uslimato/core/storage";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage, migratePostgres, type PostgresStorage } from "../src/index";
import { dropSchema, randomSchema, TEST_DATABASE_URL, testPool } from "./support/test-database";

const schema = randomSchema();
const admin = testPool(2);
const keyRing = createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" });
const pools: pg.Pool[] = [];

beforeAll(async () => {
  await migratePostgres(admin, { schema });
});

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await dropSchema(admin, schema);
  await admin.end();
});

/** A "process": its own pool and adapter, and a hub whose next page write can be held up by a hook. */
async function processOf(directory: FakeDirectory) {
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 3 });
  pool.on("error", () => {});
  pools.push(pool);
  const storage: PostgresStorage = await createPostgresStorage({ pool, schema, migrate: false });
  let hook: (() => Promise<void>) | null = null;
  const wrapped: StorageAdapter = {
    ...storage,
    directory: {
      ...storage.directory,
      async applyPage(...args) {
        const next = hook;
        hook = null;
        if (next) await next();
        return storage.directory.applyPage(...args);
      },
    },
  };
  const hub: Hub = createHub({
    storage: wrapped,
    vault: createCredentialStore({ keyRing }),
    connectors: [createFakeConnector(directory)],
    plan: "enterprise",
  });
  return {
    hub,
    storage,
    beforeNextPage(next: () => Promise<void>) {
      hook = next;
    },
  };
}

/** Kills the PostgreSQL session that holds `sync:<id>` and waits until it is gone. */
async function killLockSession(id: string): Promise<void> {
  const killed = await admin.query<{ ok: boolean }>(
    `SELECT pg_terminate_backend(session_pid, 5000) AS ok FROM "${schema}".locks WHERE name = $1`,
    [`sync:${id}`],
  );
  expect(killed.rows[0]?.ok).toBe(true);
}

async function setup(people: number) {
  const directory = new FakeDirectory({ people });
  const a = await processOf(directory);
  const b = await processOf(directory);
  const { id } = await a.hub.integrations.create({
    tenantId: "tenant-1",
    connectorId: "fake",
    name: "HR",
    settings: { pageSize: 10 },
    secrets: { apiKey: directory.apiKey },
    intervalMinutes: 60,
  });
  expect((await a.hub.syncNow(id)).status).toBe("success");
  return { a, b, id };
}

describe("a run whose lock session dies (pg_terminate_backend)", () => {
  it("fails before its next page write and writes nothing more", async () => {
    const { a, id } = await setup(30);
    const first = await a.hub.syncNow(id, {
      full: true,
      onProgress: ({ pages }) => {
        if (pages === 1) a.beforeNextPage(() => killLockSession(id));
      },
    });
    expect(first).toMatchObject({ status: "failed", failureCode: "SYNC_LOCK_LOST", pages: 1 });
    const checkpoint = await a.storage.checkpoints.get(id);
    expect(checkpoint?.value).toMatchObject({ connector: { phase: "full", cursor: 10 } });
    expect(await a.storage.directory.countPendingDeactivations(id)).toBe(0);
  });

  it("lets another process take over at once; the first marks nobody when it goes on", async () => {
    const { a, b, id } = await setup(30);
    let second: SyncLog | undefined;
    const first = await a.hub.syncNow(id, {
      full: true,
      onProgress: ({ pages }) => {
        if (pages !== 1) return;
        a.beforeNextPage(async () => {
          await killLockSession(id);
          second = await b.hub.syncNow(id, { full: true });
        });
      },
    });
    expect(second).toMatchObject({ status: "success", failureCode: null });
    expect(first).toMatchObject({ status: "failed", failureCode: "SYNC_LOCK_LOST", pages: 1 });
    expect(await a.storage.directory.countPendingDeactivations(id)).toBe(0);
    const users = await a.storage.inspect.listUsers({ integrationId: id });
    expect(users.filter((u) => u.active)).toHaveLength(30);
    expect(await b.hub.syncNow(id, { full: true })).toMatchObject({
      status: "success",
      counts: { deactivated: 0 },
    });
  });

  it("never lets two processes' runs of one integration both write", async () => {
    const { a, b, id } = await setup(30);
    const results = await Promise.allSettled([
      a.hub.syncNow(id, { full: true }),
      b.hub.syncNow(id, { full: true }),
    ]);
    const ran = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(ran).toHaveLength(1);
    expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(["SYNC_ALREADY_RUNNING"]);
  });
});
