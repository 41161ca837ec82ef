import { describe, expect, it } from "vitest";
import type { LockHandle } from "../storage/storage-adapter";
import { holdLock } from "./hold-lock";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A handle whose renewals answer as `renew` says; counts them. */
function fakeHandle(ttlMs: number, renew: () => Promise<boolean>) {
  const lost = new AbortController();
  const calls = { renewals: 0 };
  const handle: LockHandle = {
    name: "sync:int-1",
    token: 7,
    ttlMs,
    lost: lost.signal,
    renew: async () => {
      calls.renewals += 1;
      return renew();
    },
    release: async () => {},
  };
  return { handle, lost, calls };
}

describe("holdLock", () => {
  it("renews every third of the lease and stays held while renewals succeed", async () => {
    const { handle, calls } = fakeHandle(60, async () => true);
    const held = holdLock(handle);
    expect(held.fence).toEqual({ name: "sync:int-1", token: 7 });
    await sleep(150);
    held.stop();
    expect(calls.renewals).toBeGreaterThanOrEqual(4);
    expect(held.lost.aborted).toBe(false);
  });

  it("reports the lock lost with SYNC_LOCK_LOST when a renewal is refused", async () => {
    const { handle } = fakeHandle(30, async () => false);
    const held = holdLock(handle);
    await sleep(60);
    expect(held.lost.aborted).toBe(true);
    expect(held.lost.reason).toMatchObject({ code: "SYNC_LOCK_LOST" });
    held.stop();
  });

  it("reports it lost once a whole lease passed without a successful renewal", async () => {
    const { handle } = fakeHandle(45, async () => {
      throw new Error("database busy");
    });
    const held = holdLock(handle);
    await sleep(20);
    expect(held.lost.aborted).toBe(false);
    await sleep(60);
    expect(held.lost.reason).toMatchObject({
      code: "SYNC_LOCK_LOST",
      message: expect.stringMatching(/lease ran out/),
    });
    held.stop();
  });

  it("passes on the adapter's lost signal at once", () => {
    const { handle, lost } = fakeHandle(60_000, async () => true);
    const held = holdLock(handle);
    lost.abort();
    expect(held.lost.aborted).toBe(true);
    held.stop();
  });
});
