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

// The same contract with every statement sent unnamed (as behind a pooler that keeps no prepared statements).
runStorageConformance({
  name: "postgres, unprepared",
  create: async () => {
    await truncateAll(pool, schema);
    return createPostgresStorage({ pool, schema, migrate: false, preparedStatements: false });
  },
});
