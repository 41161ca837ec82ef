import type { DirectoryBatch } from "@uslimato/core/storage";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createPostgresStorage } from "../src/index";
import { dropSchema, randomSchema, TEST_DATABASE_URL, testPool } from "./support/test-database";

const pool = testPool(2);
const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await dropSchema(pool, schema);
  await pool.end();
});

function newUsers(n: number, offset: number): DirectoryBatch {
  const ids = Array.from({ length: n }, (_, i) => offset + i);
  return {
    users: {
      create: ids.map((i) => ({
        id: `u${i}`,
        email: `u${i}@x.io`,
        displayName: null,
        active: true,
        role: "viewer",
        attributes: {},
      })),
      link: ids.map((i) => ({ externalId: `e${i}`, userId: `u${i}` })),
    },
  };
}

async function storageWith(analyzeAfterRows: number) {
  const schema = randomSchema();
  schemas.push(schema);
  const storage = await createPostgresStorage({ pool, schema, analyzeAfterRows });
  // Only the adapter may analyze here: autovacuum would otherwise do it at its own moment.
  for (const table of ["users", "user_links"])
    await pool.query(`ALTER TABLE "${schema}".${table} SET (autovacuum_enabled = false)`);
  return storage;
}

/** The planner's row count of a table: -1 until it was first analyzed or vacuumed. */
async function plannerRows(schema: string, table: string): Promise<number> {
  const result = await pool.query<{ reltuples: number }>(
    "SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)",
    [`"${schema}".${table}`],
  );
  return Number(result.rows[0]?.reltuples);
}

describe("statistics keep up while a first sync fills the directory", () => {
  it("analyzes users and links once the rows added reach the threshold, then as they double", async () => {
    const storage = await storageWith(3_000);
    await storage.directory.applyPage("int-1", newUsers(999, 0), 1);
    expect(await plannerRows(storage.schema, "users")).toBe(-1);
    await storage.directory.applyPage("int-1", newUsers(999, 1_000), 2);
    // It runs beside the pages: done soon after.
    await vi.waitFor(async () => {
      expect(await plannerRows(storage.schema, "users")).toBe(1_998);
      expect(await plannerRows(storage.schema, "user_links")).toBe(1_998);
    });
    await storage.directory.applyPage("int-1", newUsers(999, 2_000), 3);
    await storage.close();
    expect(await plannerRows(storage.schema, "users")).toBe(1_998); // next at 7,992 rows added
  });

  it("a page does not wait for the ANALYZE it starts; close() does", async () => {
    const storage = await storageWith(1_000);
    // Another session (not from the adapter's pool) holds a lock that ANALYZE needs and that inserts do not.
    const blocker = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`LOCK TABLE "${storage.schema}".user_links IN SHARE UPDATE EXCLUSIVE MODE`);
    try {
      await storage.directory.applyPage("int-1", newUsers(999, 0), 1);
      await storage.directory.applyPage("int-1", newUsers(999, 1_000), 2);
      expect(await storage.directory.countActiveLinkedUsers("int-1")).toBe(1_998);
      let closed = false;
      const closing = storage.close().then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(closed).toBe(false);
      await blocker.query("COMMIT");
      await closing;
      expect(await plannerRows(storage.schema, "user_links")).toBe(1_998);
    } finally {
      await blocker.end();
    }
  });

  it("never analyzes with 0, and refuses a threshold that is not a whole number", async () => {
    const storage = await storageWith(0);
    await storage.directory.applyPage("int-1", newUsers(999, 0), 1);
    expect(await plannerRows(storage.schema, "users")).toBe(-1);
    await expect(createPostgresStorage({ pool, analyzeAfterRows: -1 })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
      path: ["analyzeAfterRows"],
    });
  });
});
