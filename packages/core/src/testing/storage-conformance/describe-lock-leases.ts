import type { LockHandle } from "../../storage/storage-adapter";
import type { ResolvedTestApi } from "../runner/test-api";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lock leases: fencing tokens that only grow, renewal, expiry, release, and the `lost` signal. */
export function describeLockLeases(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it, afterEach } = t;
  describe("lock leases and fencing tokens", () => {
    const storage = useStorage(options, t);
    const taken: LockHandle[] = [];
    afterEach(async () => {
      for (const handle of taken.splice(0)) await handle.release();
    });
    const track = (handle: LockHandle | null): LockHandle | null => {
      if (handle) taken.push(handle);
      return handle;
    };
    const acquire = async (name: string, ttlMs?: number): Promise<LockHandle> => {
      const handle = track(await storage().locks.tryAcquire(name, ttlMs === undefined ? {} : { ttlMs }));
      if (!handle) throw new Error(`lock ${name} was not free`);
      return handle;
    };

    it("hands out a larger token on every acquisition, and a released lock is free at once", async () => {
      const first = await acquire("sync:int-1");
      expect(Number.isSafeInteger(first.token)).toBe(true);
      expect(first.lost.aborted).toBe(false);
      await first.release();
      const second = await acquire("sync:int-1");
      expect(second.token).toBeGreaterThan(first.token);
      await second.release();
      const third = await acquire("sync:int-1");
      expect(third.token).toBeGreaterThan(second.token);
      await third.release();
    });

    it("lets a new holder in once a lease runs out unrenewed; the old holder's renewal then fails", async () => {
      const old = await acquire("sync:int-1", 40);
      expect(old.ttlMs).toBe(40);
      await sleep(80);
      const next = await acquire("sync:int-1", 60_000);
      expect(next.token).toBeGreaterThan(old.token);
      expect(await old.renew()).toBe(false);
      expect(old.lost.aborted).toBe(true);
      await old.release();
      expect(track(await storage().locks.tryAcquire("sync:int-1"))).toBeNull();
      expect(await next.renew()).toBe(true);
      await next.release();
    });

    it("keeps a lease while it is renewed", async () => {
      const held = await acquire("sync:int-1", 150);
      for (let i = 0; i < 6; i++) {
        await sleep(50);
        expect(await held.renew()).toBe(true);
        expect(track(await storage().locks.tryAcquire("sync:int-1"))).toBeNull();
      }
      expect(held.lost.aborted).toBe(false);
      await held.release();
    });

    it("refuses to renew a lease that ran out even if nobody took the lock", async () => {
      const held = await acquire("sync:int-1", 30);
      await sleep(70);
      expect(await held.renew()).toBe(false);
      expect(held.lost.aborted).toBe(true);
      await held.release();
    });

    it("does not renew a released lock", async () => {
      const held = await acquire("sync:int-1");
      await held.release();
      expect(await held.renew()).toBe(false);
      expect(track(await storage().locks.tryAcquire("sync:int-1"))).not.toBeNull();
    });
  });
}
