import { createHub, createMemoryStorage, type InspectableStorage } from "@uslimato/core";
import { defineConnector, type SourcePage } from "@uslimato/core/connector";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestVault } from "./fixtures/test-vault";

const person = (id: string, email: string, active = true) => ({
  externalId: id,
  data: { email, displayName: `Person ${id}`, active },
});

/** A connector that yields the pages of the next script of `runs` on each run. */
function scriptedSource(runs: Array<Array<Omit<SourcePage, "kind" | "checkpoint">>>) {
  let run = 0;
  return defineConnector({
    id: "scripted",
    title: "Scripted pages",
    settingsSchema: z.object({}),
    secretsSchema: z.object({}),
    secretNames: [],
    entities: ["user"],
    capabilities: { incremental: true, webhooks: false, directions: ["inbound"] },
    defaultMappings: {},
    testConnection: async () => ({ ok: true, steps: [] }),
    async *read() {
      const pages = runs[run++] ?? [];
      for (const [i, page] of pages.entries()) yield { kind: "user", checkpoint: { run, page: i }, ...page };
    },
  });
}

/** Memory storage whose page writes take `writeMs`, with the order of lookups and writes recorded. */
function slowWrites(writeMs: number): { storage: InspectableStorage; events: string[] } {
  const storage = createMemoryStorage();
  const events: string[] = [];
  const { directory } = storage;
  const findUsers = directory.findUsers.bind(directory);
  const applyPage = directory.applyPage.bind(directory);
  let writes = 0;
  Object.assign(directory, {
    findUsers: (...args: Parameters<typeof findUsers>) => {
      events.push(`find ${args[1].externalIds.join(",")}`);
      return findUsers(...args);
    },
    applyPage: async (...args: Parameters<typeof applyPage>) => {
      const n = ++writes;
      events.push(`write ${n}`);
      await new Promise((resolve) => setTimeout(resolve, writeMs));
      const result = await applyPage(...args);
      events.push(`written ${n}`);
      return result;
    },
  });
  return { storage, events };
}

async function setup(runs: Parameters<typeof scriptedSource>[0]) {
  const { storage, events } = slowWrites(20);
  const hub = createHub({ storage, vault: createTestVault(), connectors: [scriptedSource(runs)] });
  const integration = await hub.integrations.create({
    tenantId: "t1",
    connectorId: "scripted",
    name: "Scripted",
    settings: {},
    secrets: {},
    intervalMinutes: 60,
  });
  return { hub, storage, events, id: integration.id };
}

describe("the next page is planned while the page before it is written", () => {
  it("looks up page k+1 during the write of page k, once, when the write does not touch what it found", async () => {
    const { hub, events, id } = await setup([
      [
        { upserts: [person("e1", "a@x.io")], removals: [] },
        { upserts: [person("e2", "b@x.io")], removals: [] },
      ],
    ]);
    const log = await hub.syncNow(id);
    expect(log.counts).toMatchObject({ processed: 2, created: 2, failed: 0 });
    expect(events).toEqual(["find e1", "write 1", "find e2", "written 1", "write 2", "written 2"]);
  });

  it("looks up again a page whose lookup the write before it changed", async () => {
    const { hub, storage, events, id } = await setup([
      [{ upserts: [person("e1", "a@x.io"), person("e2", "b@x.io")], removals: [] }],
      [
        { upserts: [], removals: [{ externalId: "e1", reason: "deleted" }] },
        { upserts: [person("e1", "a@x.io")], removals: [] },
        { upserts: [person("e3", "c@x.io")], removals: [] },
      ],
    ]);
    await hub.syncNow(id);
    events.length = 0;
    const log = await hub.syncNow(id);
    // e1 was marked for deactivation by page 1 and came back on page 2: it must stay active.
    expect(log.counts).toMatchObject({ processed: 3, created: 1, deactivated: 0 });
    expect((await storage.inspect.listUsers()).find((u) => u.email === "a@x.io")?.active).toBe(true);
    // Page 2 was looked up during page 1's write, then again after it; page 3 only once.
    expect(events.filter((e) => e.startsWith("find"))).toEqual(["find e1", "find e1", "find e1", "find e3"]);
  });
});
