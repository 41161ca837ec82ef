import { createIntuneConnector, intuneSettingsSchema } from "@uslimato/connector-intune";
import { noopLogger } from "@uslimato/core";
import { createMemoryState, openSecretsOf } from "@uslimato/core/testing";
import { DEFAULT_CLIENT_SECRET, type GraphSimulator, startGraphSimulator } from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intuneSettings, setupIntune, testConnectorOptions } from "./fixtures/setup-intune";

const apps = {
  noConsent: "0e0e0e0e-0000-4000-8000-000000000001",
  usersOnly: "0e0e0e0e-0000-4000-8000-000000000002",
  devicesOnly: "0e0e0e0e-0000-4000-8000-000000000003",
};

describe("Intune test connection against every failure the simulator produces", () => {
  let sim: GraphSimulator;
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 50, devices: 40, seed: 3 } });
    sim.model.registerApp({
      clientId: apps.noConsent,
      clientSecret: "no-consent-secret",
      roles: ["DeviceManagementManagedDevices.Read.All"],
      consented: false,
    });
    sim.model.registerApp({
      clientId: apps.usersOnly,
      clientSecret: "users-only-secret",
      roles: ["User.Read.All"],
    });
    sim.model.registerApp({
      clientId: apps.devicesOnly,
      clientSecret: "devices-only-secret",
      roles: ["DeviceManagementManagedDevices.Read.All"],
    });
  });
  afterAll(() => sim?.close());

  const test = (settings: Record<string, unknown>, secret: string) =>
    createIntuneConnector(testConnectorOptions()).testConnection({
      integrationId: "i",
      tenantId: "host",
      settings: intuneSettingsSchema.parse({ ...intuneSettings(sim), ...settings }),
      secrets: openSecretsOf({ clientSecret: secret }),
      logger: noopLogger,
      signal: new AbortController().signal,
      state: createMemoryState(),
    });

  it("ok with the right app: token, permissions, one read, and the request id", async () => {
    const result = await test({}, DEFAULT_CLIENT_SECRET);
    expect(result).toMatchObject({ ok: true, details: { requestId: expect.any(String) } });
    expect(result.steps.map((s) => s.name)).toEqual(["token", "permissions", "read"]);
  });

  it("reports missing optional permissions as warnings, not failures", async () => {
    const result = await test(
      { clientId: apps.devicesOnly, watch: { auditEvents: true }, complianceDetail: "perPolicy" },
      "devices-only-secret",
    );
    expect(result.ok).toBe(true);
    const warnings = result.steps.filter((s) => s.name === "optional-permissions").map((s) => s.message);
    expect(warnings).toHaveLength(3);
    expect(warnings.find((w) => w.includes("DeviceManagementApps.Read.All"))).toMatch(
      /^Warning: .*will fail/,
    );
    expect(warnings.find((w) => w.includes("Device.Read.All"))).toMatch(/^Optional: /);
    expect(result.ok && result.details?.warnings).toContain("DeviceManagementConfiguration.Read.All");
  });

  it("a wrong secret fails at the token step with Entra's diagnosis", async () => {
    const result = await test({}, "definitely-wrong");
    expect(result).toMatchObject({
      ok: false,
      failedStep: "token",
      code: "INVALID_SECRET",
      diagnosis: { service: "entra-token", serviceCode: "AADSTS7000215" },
    });
  });

  it("no admin consent is CONSENT_MISSING, a token without the Intune role INSUFFICIENT_PERMISSION", async () => {
    expect(await test({ clientId: apps.noConsent }, "no-consent-secret")).toMatchObject({
      ok: false,
      failedStep: "permissions",
      code: "CONSENT_MISSING",
    });
    const wrong = await test({ clientId: apps.usersOnly }, "users-only-secret");
    expect(wrong).toMatchObject({ ok: false, failedStep: "permissions", code: "INSUFFICIENT_PERMISSION" });
    expect(wrong.ok || wrong.remedy).toContain("DeviceManagementManagedDevices.Read.All");
  });

  it("an unlicensed tenant is INTUNE_NOT_LICENSED with Graph's request id", async () => {
    sim.model.setIntuneLicensed(false);
    try {
      const result = await test({}, DEFAULT_CLIENT_SECRET);
      expect(result).toMatchObject({
        ok: false,
        failedStep: "read",
        code: "INTUNE_NOT_LICENSED",
        requestId: expect.any(String),
        diagnosis: { service: "graph", httpStatus: 400, errorCode: "BadRequest" },
      });
    } finally {
      sim.model.setIntuneLicensed(true);
    }
  });

  it("refuses extra properties a listing cannot return, naming them", () => {
    const parsed = intuneSettingsSchema.safeParse({
      ...intuneSettings(sim),
      deviceProperties: ["notes", "bogus"],
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(messages[0]).toMatch(/^deviceProperties\.0: "notes" is null in Intune's list pages/);
    expect(messages[1]).toMatch(/^deviceProperties\.1: "bogus" is not a managedDevice property/);
  });
});

describe("Intune's double-encoded errors reach the sync log with the activity id", () => {
  it("a sync with an app Intune refuses fails FORBIDDEN, diagnosed as Intune's Forbidden", async () => {
    const env = await setupIntune({ devices: 20, users: 20 });
    try {
      env.sim.model.registerApp({
        clientId: apps.usersOnly,
        clientSecret: "users-only-secret",
        roles: ["User.Read.All"],
      });
      await env.hub.integrations.update(env.id, {
        settings: intuneSettings(env.sim, { clientId: apps.usersOnly }),
        secrets: { clientSecret: "users-only-secret" },
      });
      const log = await env.hub.syncNow(env.id);
      expect(log).toMatchObject({ status: "failed", failureCode: "FORBIDDEN" });
      const error = log.errors[0];
      expect(error?.diagnosis).toMatchObject({
        service: "intune",
        httpStatus: 403,
        errorCode: "UnknownError",
        serviceCode: "Forbidden",
        activityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        requestId: expect.any(String),
      });
    } finally {
      await env.sim.close();
    }
  });
});
