import type { SyncFinishedEvent, SyncStartedEvent } from "@uslimato/core";
import { describe, expect, it } from "vitest";
import { setupHub } from "./fixtures/setup-hub";

describe("hub sync events", () => {
  it("tells listeners when a run started and when it finished, with its log", async () => {
    const { hub, id } = await setupHub({ people: 30, pageSize: 10 });
    const seen: Array<SyncStartedEvent | SyncFinishedEvent> = [];
    hub.on("syncStarted", (event) => {
      seen.push(event);
    });
    hub.on("syncFinished", (event) => {
      seen.push(event);
    });
    const log = await hub.syncNow(id, { trigger: "schedule" });
    expect(seen.map((e) => e.type)).toEqual(["syncStarted", "syncFinished"]);
    expect(seen[0]).toMatchObject({
      type: "syncStarted",
      integrationId: id,
      connectorId: "fake",
      tenantId: "tenant-1",
      syncId: log.id,
      trigger: "schedule",
      mode: "full",
    });
    expect(seen[1]).toMatchObject({ type: "syncFinished", syncId: log.id, log: { status: "success" } });
    expect((seen[1] as SyncFinishedEvent).log).toEqual(log);
  });

  it("lets a graceful shutdown wait for a running sync without polling", async () => {
    const { hub, id } = await setupHub({ people: 200, pageSize: 10 });
    const running = new Set<string>();
    let idle: () => void = () => {};
    hub.on("syncStarted", (e) => {
      running.add(e.syncId);
    });
    hub.on("syncFinished", (e) => {
      running.delete(e.syncId);
      if (running.size === 0) idle();
    });
    const done = new Promise<void>((resolve) => {
      idle = resolve;
    });
    const run = hub.syncNow(id);
    await done;
    expect(running.size).toBe(0);
    expect((await run).status).toBe("success");
  });

  it("never lets a failing listener break a sync, and stops calling a removed one", async () => {
    const { hub, id, logger } = await setupHub({ people: 5 });
    hub.on("syncStarted", () => {
      throw new Error("listener bug");
    });
    hub.on("syncFinished", async () => {
      throw new Error("async listener bug");
    });
    let calls = 0;
    const off = hub.on("syncFinished", () => {
      calls++;
    });
    const first = await hub.syncNow(id);
    expect(first.status).toBe("success");
    off();
    expect((await hub.syncNow(id)).status).toBe("success");
    expect(calls).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(JSON.stringify(logger.lines)).toContain("a hub event listener failed");
  });

  it("emits nothing for a run refused because another one holds the lock", async () => {
    const { hub, id } = await setupHub({ people: 100, pageSize: 10 });
    const types: string[] = [];
    hub.on("syncStarted", (e) => {
      types.push(e.type);
    });
    hub.on("syncFinished", (e) => {
      types.push(e.type);
    });
    const first = hub.syncNow(id);
    await expect(hub.syncNow(id)).rejects.toMatchObject({ code: "SYNC_ALREADY_RUNNING" });
    await first;
    expect(types).toEqual(["syncStarted", "syncFinished"]);
  });
});
