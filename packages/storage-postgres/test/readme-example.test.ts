import { createHub } from "@uslimato/core";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { expect, it } from "vitest";
import { createPostgresStorage } from "../src/index";
import { dropSchema, randomSchema, TEST_DATABASE_URL, testPool } from "./support/test-database";

it("runs the README example: a hub on PostgreSQL syncs a directory", async () => {
  const schema = randomSchema();
  // --- README snippet (connection string and schema from the test setup) ---
  const storage = await createPostgresStorage({ connectionString: TEST_DATABASE_URL, schema });
  const directory = new FakeDirectory({ people: 250 });
  const hub = createHub({
    storage,
    vault: createCredentialStore({
      keyRing: createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" }),
    }),
    connectors: [createFakeConnector(directory)],
    plan: "enterprise",
  });
  const integration = await hub.integrations.create({
    tenantId: "tenant-1",
    connectorId: "fake",
    name: "HR directory",
    settings: { pageSize: 100 },
    secrets: { apiKey: directory.apiKey },
    intervalMinutes: 60,
  });
  const log = await hub.syncNow(integration.id);
  // --- end of snippet ---
  expect(log.status).toBe("success");
  expect(log.counts.created).toBe(250);
  expect(await storage.directory.countActiveLinkedUsers(integration.id)).toBe(250);
  await storage.close();
  const admin = testPool(1);
  await dropSchema(admin, schema);
  await admin.end();
});
