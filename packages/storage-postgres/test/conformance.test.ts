import { runStorageConformance } from "@uslimato/core/testing";
import { afterAll, beforeAll } from "vitest";
import { createPostgresStorage, migratePostgres } from "../src/index";
import { dropSchema, randomSchema, testPool, truncateAll } from "./support/test-database";

const pool = testPool(6);
const schema = randomSchema();

beforeAll(async () => {
  await migratePostgres(pool, { schema });
});

afterAll(async () => {
  await dropSchema(pool, schema);
  await pool.end();
});

runStorageConformance({
  name: "postgres",
  create: async () => {
    await truncateAll(pool, schema);
    return createPostgresStorage({ pool, schema, migrate: false });
  },
});
