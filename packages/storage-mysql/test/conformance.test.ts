import { runStorageConformance } from "@uslimato/core/testing";
import { createMysqlStorage } from "@uslimato/storage-mysql";
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, truncateAll } from "./mysql-test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await (await createMysqlStorage({ pool: database.pool })).close();
});

afterAll(async () => {
  await database?.drop();
});

runStorageConformance({
  name: "mysql",
  create: async () => {
    await truncateAll(database.pool);
    return createMysqlStorage({ pool: database.pool, migrate: false });
  },
});
