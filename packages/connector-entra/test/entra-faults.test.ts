import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExpectedUser, expectStoreToMatch } from "./fixtures/expected-store";
import { setupEntra } from "./fixtures/setup-entra";

type Setup = Awaited<ReturnType<typeof setupEntra>>;

describe("Entra under simulator faults", () => {
  let env: Setup;
  const expected = new Map<string, ExpectedUser>();
  const check = () => expectStoreToMatch(env.sim, env.storage, env.id, expected);
  beforeAll(async () => {
    env = await setupEntra({ users: 3000, seed: 5 });
  }, 30_000);
  afterAll(() => env?.sim.close());

  it("429 storms with Retry-After, 503, 504 and resets: the run still succeeds", async () => {
    env.sim.faults.inject({ kind: "throttle", match: "/v1.0/users/delta", times: 3, retryAfterSeconds: 0 });
    env.sim.faults.inject({ kind: "unavailable", match: "/v1.0/users/delta", after: 1, times: 1 });
    env.sim.faults.inject({ kind: "gatewayTimeout", match: "/v1.0/users/delta", after: 2, times: 1 });
    env.sim.faults.inject({ kind: "reset", match: "/v1.0/users/delta", after: 3, times: 1 });
    const log = await env.hub.syncNow(env.id);
    expect(log.status).toBe("success");
    await check();
  });

  it("malformed and truncated pages are retried; a persistent failure ends failed and the next run repairs", async () => {
    env.sim.model.updateUser([...env.sim.model.listUsers()][0]!.id, { displayName: "After Fault" });
    env.sim.faults.inject({ kind: "malformed", match: "/v1.0/users/delta", times: 1 });
    env.sim.faults.inject({ kind: "truncated", match: "/v1.0/users/delta", times: 1 });
    const recovered = await env.hub.syncNow(env.id);
    expect(recovered.status).toBe("success");
    await check();

    for (let i = 0; i < 5; i++)
      env.sim.model.updateUser([...env.sim.model.listUsers()][i + 1]!.id, { displayName: `Changed ${i}` });
    const outage = env.sim.faults.inject({ kind: "unavailable", match: "/v1.0/users/delta" });
    const failed = await env.hub.syncNow(env.id);
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed.errors.at(-1)?.code).toBeDefined();
    outage.remove();
    const repaired = await env.hub.syncNow(env.id);
    expect(repaired.status).toBe("success");
    expect(repaired.counts.updated).toBe(5);
    await check();
  });
});
