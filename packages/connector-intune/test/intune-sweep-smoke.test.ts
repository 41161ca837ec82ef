import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySweep, type ExpectedDevice, expectDevicesToMatch } from "./fixtures/expected-devices";
import { setupIntune } from "./fixtures/setup-intune";

type Setup = Awaited<ReturnType<typeof setupIntune>>;

describe("smoke", () => {
  let env: Setup;
  beforeAll(async () => {
    env = await setupIntune();
  });
  afterAll(async () => env?.sim.close());
  it("sweeps", async () => {
    const test = await env.hub.testConnection(env.id);
    expect(test).toMatchObject({ ok: true });
    const log = await env.hub.syncNow(env.id);
    expect(log).toMatchObject({ status: "success", mode: "full" });
    const expected = new Map<string, ExpectedDevice>();
    applySweep(env.sim, expected);
    await expectDevicesToMatch(env.storage, env.id, expected);
    const again = await env.hub.syncNow(env.id);
    expect(again.mode).toBe("incremental");
  });
});
