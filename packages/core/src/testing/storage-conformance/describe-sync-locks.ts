import type { SyncLog } from "../../sync-log/sync-log";
import type { ResolvedTestApi } from "../runner/test-api";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { syncLocksHub } from "./sync-locks-hub";
import { useStorage } from "./use-storage";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whole sync runs over the adapter: a run that loses its lock stops writing, leases are renewed, killed runs closed. */
export function describeSyncLocks(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("sync runs and their lock", () => {
    const storage = useStorage(options, t);

    it("stops a run that lost its lock before its next page write, while another run syncs; nobody is marked", async () => {
      const setup = await syncLocksHub(storage(), 30);
      expect((await setup.hub.syncNow(setup.id)).status).toBe("success");
      let second: SyncLog | undefined;
      const first = await setup.hub.syncNow(setup.id, {
        full: true,
        onProgress: ({ pages }) => {
          if (pages !== 1) return;
          setup.beforeNextPage(async () => {
            // Run A's lock lapses (a stalled heartbeat, a dead session); run B takes it and reads everything.
            await setup.handles.at(-1)?.release();
            second = await setup.hub.syncNow(setup.id, { full: true });
          });
        },
      });
      expect(second).toMatchObject({ status: "success", failureCode: null });
      expect(first).toMatchObject({ status: "failed", failureCode: "SYNC_LOCK_LOST", pages: 1 });
      const dir = fullDirectory(storage());
      expect(await dir.countPendingDeactivations(setup.id)).toBe(0);
      const users = await dir.listUsers();
      expect(users).toHaveLength(30);
      expect(users.every((u) => u.active)).toBe(true);
      const third = await setup.hub.syncNow(setup.id, { full: true });
      expect(third).toMatchObject({ status: "success", counts: { deactivated: 0 } });
    });

    it("renews the lease while a run lives, so a run longer than its lease keeps the lock", async () => {
      const setup = await syncLocksHub(storage(), 40);
      setup.ttlMs = 120;
      setup.beforeEachPage = async () => {
        await sleep(70);
      };
      let contender: unknown;
      const run = setup.hub.syncNow(setup.id, {
        onProgress: ({ pages }) => {
          if (pages === 3) contender = setup.hub.syncNow(setup.id).catch((error: unknown) => error);
        },
      });
      expect((await run).status).toBe("success");
      expect(await contender).toMatchObject({ code: "SYNC_ALREADY_RUNNING" });
    });

    it("closes the log of a run that was killed as failed when the next run starts", async () => {
      const setup = await syncLocksHub(storage(), 5);
      const killed = (await setup.hub.syncNow(setup.id)).id;
      const startedAt = new Date(Date.now() - 3_600_000);
      const running = { ...(await storage().syncLogs.get(killed))!, status: "running" as const };
      await storage().syncLogs.save({ ...running, startedAt, finishedAt: null, failureCode: null });
      const next = await setup.hub.syncNow(setup.id);
      expect(next.status).toBe("success");
      const closed = await storage().syncLogs.get(killed);
      expect(closed).toMatchObject({ status: "failed", failureCode: "SYNC_INTERRUPTED" });
      expect(closed?.finishedAt).toBeInstanceOf(Date);
      expect(closed?.errors.at(-1)?.message).toMatch(/stopped without finishing/);
    });
  });
}
