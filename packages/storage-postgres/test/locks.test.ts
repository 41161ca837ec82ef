import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage, migratePostgres, type PostgresStorage } from "../src/index";
import { dropSchema, randomSchema, TEST_DATABASE_URL, testPool } from "./support/test-database";

const schema = randomSchema();
const admin = testPool(2);

/** A "process": its own pool (tagged so the test can kill its connections) and adapter. */
async function processWithPool(
  tag: string,
  schemaName = schema,
): Promise<{ pool: pg.Pool; storage: PostgresStorage }> {
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 3, application_name: tag });
  pool.on("error", () => {});
  return { pool, storage: await createPostgresStorage({ pool, schema: schemaName, migrate: false }) };
}

beforeAll(async () => {
  await migratePostgres(admin, { schema });
});

afterAll(async () => {
  await dropSchema(admin, schema);
  await admin.end();
});

describe("advisory locks across processes", () => {
  it("excludes a second pool while held, and hands over on release", async () => {
    const a = await processWithPool(`${schema}_a`);
    const b = await processWithPool(`${schema}_b`);
    const held = await a.storage.locks.tryAcquire("sync:int-1");
    expect(held).not.toBeNull();
    expect(a.pool.totalCount - a.pool.idleCount).toBe(1);
    expect(await b.storage.locks.tryAcquire("sync:int-1")).toBeNull();
    expect(await a.storage.locks.tryAcquire("sync:int-1")).toBeNull();
    const other = await b.storage.locks.tryAcquire("sync:int-2");
    expect(other).not.toBeNull();
    await held?.release();
    expect(a.pool.totalCount - a.pool.idleCount).toBe(0);
    const taken = await b.storage.locks.tryAcquire("sync:int-1");
    expect(taken).not.toBeNull();
    await Promise.all([taken?.release(), other?.release()]);
    await Promise.all([a.pool.end(), b.pool.end()]);
  });

  it("lets exactly one of many concurrent contenders win", async () => {
    const a = await processWithPool(`${schema}_c`);
    const b = await processWithPool(`${schema}_d`);
    const attempts = await Promise.all(
      [a, b, a, b, a, b].map((p) => p.storage.locks.tryAcquire("sync:race")),
    );
    const winners = attempts.filter((h) => h !== null);
    expect(winners).toHaveLength(1);
    await winners[0]?.release();
    await Promise.all([a.pool.end(), b.pool.end()]);
  });

  it("frees the lock when the holder's connection dies (a crashed process)", async () => {
    const crashed = await processWithPool(`${schema}_crash`);
    const survivor = await processWithPool(`${schema}_survivor`);
    const held = await crashed.storage.locks.tryAcquire("sync:int-1");
    expect(held).not.toBeNull();
    expect(await survivor.storage.locks.tryAcquire("sync:int-1")).toBeNull();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [
      `${schema}_crash`,
    ]);
    let taken = null;
    for (let attempt = 0; attempt < 50 && taken === null; attempt += 1) {
      taken = await survivor.storage.locks.tryAcquire("sync:int-1");
      if (taken === null) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(taken).not.toBeNull();
    await expect(held?.release()).resolves.toBeUndefined();
    await taken?.release();
    await Promise.all([crashed.pool.end(), survivor.pool.end()]);
  });

  it("keeps locks of different schemas apart", async () => {
    const otherSchema = randomSchema();
    await migratePostgres(admin, { schema: otherSchema });
    const a = await processWithPool(`${schema}_e`);
    const b = await processWithPool(`${schema}_f`, otherSchema);
    const first = await a.storage.locks.tryAcquire("sync:int-1");
    const second = await b.storage.locks.tryAcquire("sync:int-1");
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    await Promise.all([first?.release(), second?.release()]);
    await Promise.all([a.pool.end(), b.pool.end()]);
    await dropSchema(admin, otherSchema);
  });

  it("holds any number of locks on one connection, so syncs holding them can still write pages", async () => {
    // With one connection per lock, ten held locks would take a pool of 3 and every page would wait for ever.
    const small = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 3 });
    const storage = await createPostgresStorage({ pool: small, schema, migrate: false });
    const handles = await Promise.all(
      Array.from({ length: 10 }, (_, i) => storage.locks.tryAcquire(`sync:many-${i}`)),
    );
    expect(handles.every((h) => h !== null)).toBe(true);
    expect(small.totalCount - small.idleCount).toBe(1);
    const other = await processWithPool(`${schema}_g`);
    expect(await other.storage.locks.tryAcquire("sync:many-3")).toBeNull();
    await Promise.all(
      handles.slice(0, 5).map((_handle, i) =>
        storage.directory.applyPage(
          `many-${i}`,
          {
            users: {
              create: [
                {
                  id: `many-${i}`,
                  email: `many-${i}@x.io`,
                  displayName: null,
                  active: true,
                  role: "viewer",
                  attributes: {},
                },
              ],
              link: [{ externalId: `e-${i}`, userId: `many-${i}` }],
            },
          },
          { i },
        ),
      ),
    );
    expect(
      (await storage.directory.findUsers("many-4", { externalIds: ["e-4"], emails: [] })).byExternalId,
    ).toHaveLength(1);
    await handles[3]?.release();
    await handles[3]?.release();
    const taken = await other.storage.locks.tryAcquire("sync:many-3");
    expect(taken).not.toBeNull();
    expect(await storage.locks.tryAcquire("sync:many-3")).toBeNull();
    await Promise.all(handles.map((h) => h?.release()));
    expect(small.totalCount - small.idleCount).toBe(0);
    await taken?.release();
    await Promise.all([small.end(), other.pool.end()]);
  });

  it("takes a lock again after its session died unnoticed, without losing the next acquire", async () => {
    const a = await processWithPool(`${schema}_h`);
    const first = await a.storage.locks.tryAcquire("sync:stale-1");
    expect(first).not.toBeNull();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [
      `${schema}_h`,
    ]);
    // The session and its lock are gone; the next acquire works on a fresh connection.
    const second = await a.storage.locks.tryAcquire("sync:stale-2");
    expect(second).not.toBeNull();
    const again = await a.storage.locks.tryAcquire("sync:stale-1");
    expect(again).not.toBeNull();
    await first?.release();
    const b = await processWithPool(`${schema}_i`);
    expect(await b.storage.locks.tryAcquire("sync:stale-1")).toBeNull();
    await Promise.all([second?.release(), again?.release()]);
    const fromB = await b.storage.locks.tryAcquire("sync:stale-1");
    expect(fromB).not.toBeNull();
    await fromB?.release();
    await Promise.all([a.pool.end(), b.pool.end()]);
  });
});
