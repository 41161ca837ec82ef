import type { ResolvedTestApi } from "../runner/test-api";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/** Named locks: exclusive, released idempotently, independent by name. */
export function describeLocks(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("locks", () => {
    const storage = useStorage(options, t);

    it("returns null at once while a lock is held, and the lock again once released", async () => {
      const first = await storage().locks.tryAcquire("sync:int-1");
      expect(first?.name).toBe("sync:int-1");
      expect(await storage().locks.tryAcquire("sync:int-1")).toBeNull();
      await first?.release();
      const second = await storage().locks.tryAcquire("sync:int-1");
      expect(second).not.toBeNull();
      await second?.release();
    });

    it("tolerates a second release, which does not free a lock someone else took meanwhile", async () => {
      const first = await storage().locks.tryAcquire("sync:int-1");
      await first?.release();
      const second = await storage().locks.tryAcquire("sync:int-1");
      await expect(first?.release()).resolves.toBeUndefined();
      expect(await storage().locks.tryAcquire("sync:int-1")).toBeNull();
      await second?.release();
      await second?.release();
    });

    it("keeps locks of different names independent", async () => {
      const a = await storage().locks.tryAcquire("sync:a", { ttlMs: 60_000 });
      const b = await storage().locks.tryAcquire("sync:b", { ttlMs: 60_000 });
      expect(a).not.toBeNull();
      expect(b).not.toBeNull();
      await a?.release();
      await b?.release();
    });
  });
}
