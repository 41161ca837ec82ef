import { createEntraConnector, entraSettingsSchema } from "@uslimato/connector-entra";
import { noopLogger } from "@uslimato/core/connector";
import { createMemoryState, openSecretsOf } from "@uslimato/core/testing";
import { DEFAULT_CLIENT_SECRET, type GraphSimulator, startGraphSimulator } from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatorConnectorOptions, simulatorSettings } from "./fixtures/setup-entra";

describe("Entra test connection against every failure the simulator produces", () => {
  let sim: GraphSimulator;
  const apps = {
    noConsent: "0d0d0d0d-0000-4000-8000-000000000001",
    usersOnly: "0d0d0d0d-0000-4000-8000-000000000002",
    wrongRoles: "0d0d0d0d-0000-4000-8000-000000000003",
    expired: "0d0d0d0d-0000-4000-8000-000000000004",
    unavailable: "0d0d0d0d-0000-4000-8000-000000000005",
  };
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 50, seed: 3 } });
    sim.model.registerApp({
      clientId: apps.noConsent,
      clientSecret: "no-consent-secret",
      roles: ["User.Read.All"],
      consented: false,
    });
    sim.model.registerApp({
      clientId: apps.usersOnly,
      clientSecret: "users-only-secret",
      roles: ["User.Read.All"],
    });
    sim.model.registerApp({
      clientId: apps.wrongRoles,
      clientSecret: "wrong-roles-secret",
      roles: ["Mail.Read"],
    });
    sim.model.registerApp({
      clientId: apps.unavailable,
      clientSecret: "unavailable-secret",
      roles: ["User.Read.All"],
    });
    sim.model.registerApp({
      clientId: apps.expired,
      clientSecret: "expired-secret",
      roles: ["User.Read.All"],
      secretExpired: true,
    });
  });
  afterAll(() => sim?.close());

  const test = (settings: Record<string, unknown>, secret: string) => {
    const connector = createEntraConnector(simulatorConnectorOptions(sim));
    return connector.testConnection({
      integrationId: "i",
      tenantId: "host",
      settings: entraSettingsSchema.parse(simulatorSettings(sim, settings)),
      secrets: openSecretsOf({ clientSecret: secret }),
      logger: noopLogger,
      signal: new AbortController().signal,
      state: createMemoryState(),
    });
  };

  it("ok with the right app", async () => {
    const result = await test({}, DEFAULT_CLIENT_SECRET);
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.name)).toEqual(["token", "permissions", "read"]);
  });

  it.each([
    [
      "wrong tenant id",
      { tenantId: "11111111-1111-4111-8111-111111111111" },
      DEFAULT_CLIENT_SECRET,
      400,
      "invalid_tenant",
      90002,
    ],
    [
      "unknown client id",
      { clientId: "22222222-2222-4222-8222-222222222222" },
      DEFAULT_CLIENT_SECRET,
      400,
      "unauthorized_client",
      700016,
    ],
    ["invalid secret", {}, "not-the-secret", 401, "invalid_client", 7000215],
    ["expired secret", { clientId: apps.expired }, "expired-secret", 401, "invalid_client", 7000222],
  ])("%s: Entra's own answer as fields", async (_name, settings, secret, httpStatus, errorCode, aadsts) => {
    const result = await test(settings, secret);
    if (result.ok) throw new Error("expected a failure");
    const diagnosis = {
      service: "entra-token",
      httpStatus,
      errorCode,
      serviceCode: `AADSTS${aadsts}`,
      traceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/),
      message: expect.stringMatching(new RegExp(`^AADSTS${aadsts}: `)),
    };
    expect(result.diagnosis).toEqual(diagnosis);
    expect(result.steps.at(-1)?.diagnosis).toEqual(diagnosis);
    expect(result.message).toContain(`AADSTS${aadsts}`);
    expect(result.requestId).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it("a transient 503 and a connection reset at the token endpoint are retried", async () => {
    const token = `/${sim.tenantId}/oauth2/v2.0/token`;
    sim.faults.inject({ kind: "unavailable", match: token, times: 1 });
    sim.faults.inject({ kind: "reset", match: token, after: 1, times: 1 });
    const result = await test({ clientId: apps.usersOnly }, "users-only-secret");
    sim.faults.clear();
    expect(result.ok).toBe(true);
  });

  it("a token endpoint that stays unavailable fails as AUTH_UNAVAILABLE with its status", async () => {
    sim.faults.inject({ kind: "unavailable", match: `/${sim.tenantId}/oauth2/v2.0/token` });
    const result = await test({ clientId: apps.unavailable }, "unavailable-secret");
    sim.faults.clear();
    expect(result).toMatchObject({
      ok: false,
      failedStep: "token",
      code: "AUTH_UNAVAILABLE",
      diagnosis: {
        service: "entra-token",
        httpStatus: 503,
        errorCode: "temporarily_unavailable",
        serviceCode: "AADSTS90033",
      },
    });
  });

  it("a Graph failure on the read step carries Graph's diagnosis", async () => {
    sim.faults.inject({ kind: "gatewayTimeout", match: "/v1.0/users" });
    const result = await test({}, DEFAULT_CLIENT_SECRET);
    sim.faults.clear();
    if (result.ok) throw new Error("expected a failure");
    expect(result.failedStep).toBe("read");
    expect(result.diagnosis).toMatchObject({
      service: "graph",
      httpStatus: 504,
      errorCode: "UnknownError",
      requestId: expect.any(String),
      clientRequestId: expect.any(String),
      date: expect.any(String),
    });
    expect(result.requestId).toBe(result.diagnosis?.requestId);
  });

  it.each([
    [
      "wrong tenant id",
      { tenantId: "11111111-1111-4111-8111-111111111111" },
      DEFAULT_CLIENT_SECRET,
      "token",
      "TENANT_NOT_FOUND",
    ],
    [
      "unknown client id",
      { clientId: "22222222-2222-4222-8222-222222222222" },
      DEFAULT_CLIENT_SECRET,
      "token",
      "CLIENT_NOT_FOUND",
    ],
    ["invalid secret", {}, "not-the-secret", "token", "INVALID_SECRET"],
    ["expired secret", { clientId: apps.expired }, "expired-secret", "token", "SECRET_EXPIRED"],
    [
      "admin consent not granted",
      { clientId: apps.noConsent },
      "no-consent-secret",
      "permissions",
      "CONSENT_MISSING",
    ],
    [
      "insufficient permission",
      { clientId: apps.wrongRoles },
      "wrong-roles-secret",
      "permissions",
      "INSUFFICIENT_PERMISSION",
    ],
    [
      "groups scope without a group permission",
      { clientId: apps.usersOnly, scope: "usersAndGroups" },
      "users-only-secret",
      "permissions",
      "INSUFFICIENT_PERMISSION",
    ],
  ])("%s", async (_name, settings, secret, step, code) => {
    const result = await test(settings, secret);
    expect(result).toMatchObject({ ok: false, failedStep: step, code });
    if (!result.ok) expect(result.remedy.length).toBeGreaterThan(10);
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});
