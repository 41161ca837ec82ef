import { afterAll, expect, it } from "vitest";
import { createPostgresStorage } from "../src/index";
import { dropSchema, randomSchema, TEST_DATABASE_URL, testPool } from "./support/test-database";

const admin = testPool(1);
const schema = randomSchema();
afterAll(async () => {
  await dropSchema(admin, schema);
  await admin.end();
});

it("an idle connection of its own pool that the server ends is replaced, not fatal to the process", async () => {
  const name = `uslimato-idle-${schema}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("application_name", name);
  const storage = await createPostgresStorage({ connectionString: url.toString(), schema });
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on("uncaughtException", onUncaught);
  try {
    expect(await storage.integrations.list()).toEqual([]);
    // the server ends every connection of the adapter's pool while they sit idle (as a restart or failover would)
    const ended = await admin.query<{ ended: boolean }>(
      "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1",
      [name],
    );
    expect(ended.rows.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(uncaught).toEqual([]);
    // the next use opens a new connection
    expect(await storage.integrations.list()).toEqual([]);
  } finally {
    process.off("uncaughtException", onUncaught);
    await storage.close();
  }
});
