import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupEntra, simulatorSettings } from "./fixtures/setup-entra";

type Setup = Awaited<ReturnType<typeof setupEntra>>;

describe("Entra syncs that fail record the service's own diagnosis", () => {
  let env: Setup;
  const flakyApp = "0e0e0e0e-0000-4000-8000-000000000001";
  beforeAll(async () => {
    env = await setupEntra({ users: 2500, seed: 11 });
    env.sim.model.registerApp({
      clientId: flakyApp,
      clientSecret: "flaky-app-secret",
      roles: ["User.Read.All"],
    });
  }, 30_000);
  afterAll(() => env?.sim.close());

  const integrationWith = (clientId: string | undefined, clientSecret: string) =>
    env.hub.integrations.create({
      tenantId: "host-1",
      connectorId: "entra",
      name: `Entra ${clientId ?? "default app"}`,
      settings: simulatorSettings(env.sim, clientId ? { clientId } : {}),
      secrets: { clientSecret },
      intervalMinutes: 60,
    });

  it("a rejected secret: AADSTS number, status, error, trace and correlation ids in the sync log and audit", async () => {
    const integration = await integrationWith(undefined, "not-the-right-secret");
    const log = await env.hub.syncNow(integration.id);
    expect(log).toMatchObject({ status: "failed", failureCode: "INVALID_SECRET" });
    const detail = log.errors.at(-1);
    expect(detail?.diagnosis).toMatchObject({
      service: "entra-token",
      httpStatus: 401,
      errorCode: "invalid_client",
      serviceCode: "AADSTS7000215",
      traceId: expect.any(String),
      correlationId: expect.any(String),
      date: expect.any(String),
    });
    expect(detail?.requestId).toBeUndefined();
    const audit = await env.storage.audit.list({ integrationId: integration.id });
    expect(audit.find((e) => e.action === "sync.finished")?.details).toMatchObject({
      failureCode: "INVALID_SECRET",
      diagnosisService: "entra-token",
      httpStatus: 401,
      serviceCode: "AADSTS7000215",
      traceId: detail?.diagnosis?.traceId,
      correlationId: detail?.diagnosis?.correlationId,
    });
    expect(JSON.stringify({ log, audit })).not.toContain("not-the-right-secret");
  });

  it("one 503 and one connection reset at the token endpoint do not fail the sync", async () => {
    const token = `/${env.sim.tenantId}/oauth2/v2.0/token`;
    env.sim.faults.inject({ kind: "unavailable", match: token, times: 1 });
    env.sim.faults.inject({ kind: "reset", match: token, after: 1, times: 1 });
    const integration = await integrationWith(flakyApp, "flaky-app-secret");
    const log = await env.hub.syncNow(integration.id);
    env.sim.faults.clear();
    expect(log.status).toBe("success");
    expect(env.sim.requests.filter(token)).toHaveLength(3);
  });

  it("a Graph failure keeps Graph's status, code, request-id, client-request-id and date", async () => {
    const outage = env.sim.faults.inject({ kind: "gatewayTimeout", match: "/v1.0/users/delta" });
    const log = await env.hub.syncNow(env.id);
    outage.remove();
    expect(log.status).toBe("failed");
    const detail = log.errors.at(-1);
    expect(detail?.diagnosis).toMatchObject({
      service: "graph",
      httpStatus: 504,
      errorCode: "UnknownError",
      requestId: expect.any(String),
      clientRequestId: expect.any(String),
      date: expect.any(String),
    });
    expect(detail?.requestId).toBe(detail?.diagnosis?.requestId);
  });

  it("a nextLink that comes back fails the run with NEXT_LINK_LOOP, and the next run succeeds", async () => {
    const loop = env.sim.faults.inject({ kind: "loopNextLink", match: "/v1.0/users/delta", after: 1 });
    const started = Date.now();
    const log = await env.hub.syncNow(env.id, { full: true });
    loop.remove();
    expect(log).toMatchObject({ status: "failed", failureCode: "NEXT_LINK_LOOP" });
    expect(log.errors.at(-1)?.message).toMatch(/loops/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await env.hub.syncNow(env.id)).status).toBe("success");
  });
});
