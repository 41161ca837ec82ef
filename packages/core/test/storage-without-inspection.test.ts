import { createHub, createMemoryStorage, type StorageAdapter } from "@uslimato/core";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { describe, expect, it } from "vitest";
import { createTestVault } from "./fixtures/test-vault";

describe("a storage adapter without inspection", () => {
  it("syncs with the required contract alone, and the records API says listing is unsupported", async () => {
    const { inspect: _dropped, ...required } = createMemoryStorage();
    const storage: StorageAdapter = required;
    const people = new FakeDirectory({ people: 12 });
    const hub = createHub({
      storage,
      vault: createTestVault(),
      connectors: [createFakeConnector(people, { id: "fake-users" })],
    });
    const integration = await hub.integrations.create({
      tenantId: "tenant-1",
      connectorId: "fake-users",
      name: "people",
      settings: { pageSize: 5 },
      secrets: { apiKey: people.apiKey },
      intervalMinutes: 60,
    });
    const log = await hub.syncNow(integration.id);
    expect(log.status).toBe("success");
    expect(await storage.directory.countActiveLinkedUsers(integration.id)).toBe(12);
    await expect(hub.records.listUnowned("tenant-1", "device")).rejects.toMatchObject({
      code: "STORAGE_INSPECTION_UNSUPPORTED",
    });
  });
});
