import { createHub, createMemoryStorage, type StorageAdapter } from "@uslimato/core";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { describe, expect, it } from "vitest";
import { createTestVault } from "./fixtures/test-vault";

/** A hub whose connector and storage report when the read starts, ends, and when a sync log is saved. */
async function observedHub(saveLog: (saving: () => Promise<void>, call: number) => Promise<void>) {
  const directory = new FakeDirectory({ people: 30 });
  const fake = createFakeConnector(directory);
  const events: string[] = [];
  const connector: typeof fake = {
    ...fake,
    async *read(ctx) {
      events.push("read started");
      try {
        yield* fake.read(ctx);
      } finally {
        events.push("read closed");
      }
    },
  };
  const memory = createMemoryStorage();
  let saves = 0;
  const storage: StorageAdapter = {
    ...memory,
    syncLogs: {
      ...memory.syncLogs,
      save: (log) => saveLog(() => memory.syncLogs.save(log), ++saves),
    },
  };
  const hub = createHub({ storage, vault: createTestVault(), connectors: [connector], plan: "enterprise" });
  const integration = await hub.integrations.create({
    tenantId: "tenant-1",
    connectorId: "fake",
    name: "Fake HR",
    settings: { pageSize: 10 },
    secrets: { apiKey: directory.apiKey },
    intervalMinutes: 60,
  });
  return { hub, id: integration.id, events };
}

describe("the start of a sync", () => {
  it("starts the connector while the run's log is being saved, not after", async () => {
    let readStarted = (): void => {};
    const started = new Promise<void>((resolve) => {
      readStarted = resolve;
    });
    const { hub, id, events } = await observedHub(async (saving, call) => {
      if (call === 1) {
        // the running log's save holds on until the connector started (or gives up after a second)
        await Promise.race([started, new Promise((resolve) => setTimeout(resolve, 1000))]);
        events.push(events.includes("read started") ? "log saved after the read started" : "log saved first");
      }
      await saving();
    });
    const poll = setInterval(() => events.includes("read started") && readStarted(), 1);
    try {
      const log = await hub.syncNow(id);
      expect(log.status).toBe("success");
      expect(log.counts.created).toBe(30);
    } finally {
      clearInterval(poll);
    }
    expect(events).toContain("log saved after the read started");
  });

  it("closes the connector when the run's log cannot be saved, and fails the call", async () => {
    const { hub, id, events } = await observedHub(async (saving, call) => {
      if (call === 1) throw new Error("storage is down");
      await saving();
    });
    await expect(hub.syncNow(id)).rejects.toThrow("storage is down");
    expect(events).toEqual(["read started", "read closed"]);
  });
});
