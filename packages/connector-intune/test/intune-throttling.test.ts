import { createIntuneBudgets } from "@uslimato/connector-intune";
import { describe, expect, it } from "vitest";
import { applySweep, type ExpectedDevice, expectDevicesToMatch } from "./fixtures/expected-devices";
import { setupIntune } from "./fixtures/setup-intune";

const throttled = {
  intuneRequestLimits: { devices: 4 },
  intuneWindowMs: 400,
  intuneThrottle: "noRetryAfter",
} as const;

describe("Intune throttling", () => {
  it("429s without Retry-After end in success through jittered backoff, the store complete", async () => {
    const env = await setupIntune({
      users: 1000,
      devices: 3000,
      sim: throttled,
      connector: { pageSize: 200, retry: { baseDelayMs: 50, maxDelayMs: 600, retries: 8 } },
    });
    try {
      const log = await env.hub.syncNow(env.id);
      expect(log).toMatchObject({ status: "success", counts: { created: 3000 } });
      const tooMany = env.sim.requests.filter("/v1.0/deviceManagement").filter((r) => r.status === 429);
      expect(tooMany.length).toBeGreaterThan(0);
      const expected = new Map<string, ExpectedDevice>();
      applySweep(env.sim, expected);
      await expectDevicesToMatch(env.storage, env.id, expected);
    } finally {
      await env.sim.close();
    }
  }, 60_000);

  it("a client-side budget under Intune's limit is never throttled", async () => {
    const env = await setupIntune({
      users: 1000,
      devices: 3000,
      sim: throttled,
      connector: { pageSize: 200, budgets: createIntuneBudgets({ devices: 4, windowMs: 450 }) },
    });
    try {
      const log = await env.hub.syncNow(env.id);
      expect(log).toMatchObject({ status: "success", counts: { created: 3000 } });
      expect(env.sim.requests.filter("/v1.0/deviceManagement").filter((r) => r.status === 429)).toEqual([]);
    } finally {
      await env.sim.close();
    }
  }, 60_000);
});
