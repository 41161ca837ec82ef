import { createMtlsCertificates } from "@uslimato/simulators";
import { describe, expect, it } from "vitest";
import { setupSap, testClock } from "./fixtures/setup-sap";

const small = { modelOptions: { equipment: 30, fixedAssets: 10, employees: 20, seed: 3 } };

async function failure(
  setup: Parameters<typeof setupSap>[0],
  before?: (ctx: Awaited<ReturnType<typeof setupSap>>) => void,
) {
  const ctx = await setupSap({ ...setup, sim: { ...small, ...setup?.sim } });
  try {
    before?.(ctx);
    const result = await ctx.hub.testConnection(ctx.integrationId);
    if (result.ok) throw new Error("expected a failing connection test");
    return result;
  } finally {
    await ctx.sim.close();
  }
}

describe("test connection: each SAP failure answers with its code, a remedy and SAP's diagnosis", () => {
  it("passes with one cheap read per enabled source, and shows a sap-message", async () => {
    const ctx = await setupSap({ sim: small });
    ctx.sim.setService("equipment", {
      sapMessage: { code: "/SCWM/W/001", message: "Data is being archived", severity: "warning" },
    });
    const result = await ctx.hub.testConnection(ctx.integrationId);
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.name)).toEqual(["employees", "equipment", "fixedAssets"]);
    expect(result.steps[1]?.message).toContain("Data is being archived");
    const log = await ctx.hub.syncNow(ctx.integrationId);
    expect(log.notices.find((n) => n.code === "SAP_MESSAGE")?.message).toContain("/SCWM/W/001");
    await ctx.sim.close();
  });

  it("SAP_LOGON_FAILED for a wrong password (HTML 401), never echoing the secret", async () => {
    const result = await failure({ secrets: { password: "wrong-password-123" } });
    expect(result).toMatchObject({
      code: "SAP_LOGON_FAILED",
      diagnosis: { service: "sap", httpStatus: 401 },
    });
    expect(result.diagnosis?.message).toContain("Logon failed");
    expect(JSON.stringify(result)).not.toContain("wrong-password-123");
  });

  it("SAP_CLIENT_INVALID for a client the system does not have", async () => {
    const result = await failure({ settings: { sapClient: "999" } });
    expect(result.code).toBe("SAP_CLIENT_INVALID");
    expect(result.remedy).toContain("sapClient");
  });

  it("SAP_NOT_AUTHORIZED naming the communication scenario, with the transaction id", async () => {
    const result = await failure({}, (ctx) => ctx.sim.setService("equipment", { scenarioGranted: false }));
    expect(result).toMatchObject({
      code: "SAP_NOT_AUTHORIZED",
      failedStep: "equipment",
      diagnosis: { httpStatus: 403, errorCode: "/IWFND/CM_CONSUMER/101" },
    });
    expect(result.message).toContain("SAP_COM_0395");
    expect(result.remedy).toContain("SAP_COM_0395");
    expect(result.diagnosis?.transactionId).toMatch(/^[0-9A-F]{32}$/);
    expect(result.requestId).toBe(result.diagnosis?.transactionId);
  });

  it("SAP_SERVICE_NOT_FOUND for an inactive v2 service (403 /IWFND/MED/170) and an unpublished v4 one (404)", async () => {
    const inactive = await failure({}, (ctx) => ctx.sim.setService("businessPartner", { state: "inactive" }));
    expect(inactive).toMatchObject({
      code: "SAP_SERVICE_NOT_FOUND",
      diagnosis: { httpStatus: 403, errorCode: "/IWFND/MED/170" },
    });
    const unpublished = await failure({}, (ctx) =>
      ctx.sim.setService("fixedAsset", { state: "unpublished" }),
    );
    expect(unpublished).toMatchObject({
      code: "SAP_SERVICE_NOT_FOUND",
      failedStep: "fixedAssets",
      diagnosis: { httpStatus: 404 },
    });
  });

  it("SAP_QUERY_REJECTED naming the option for a wrongly configured field", async () => {
    const result = await failure({
      settings: {
        sources: {
          employees: {
            mode: "custom",
            path: "/sap/opu/odata/sap/YY1_WORKFORCEPERSON_CDS",
            entitySet: "YY1_WorkforcePerson",
            fields: { id: "NoSuchKey", email: "DefaultEmailAddress", changedAt: "LastChangeDateTime" },
          },
        },
      },
    });
    expect(result.code).toBe("SAP_QUERY_REJECTED");
    expect(result.message).toContain("$orderby");
    expect(result.diagnosis?.errorCode).toMatch(/^\/IWBEP\//);
  });

  it("SAP_THROTTLED, SAP_UNAVAILABLE and SAP_TIMEOUT after bounded retries", async () => {
    const retry = { retries: 1, baseDelayMs: 1, maxDelayMs: 5 };
    const throttled = await failure({ connector: { retry } }, (ctx) =>
      ctx.sim.faults.inject({ kind: "throttle", retryAfterSeconds: 0 }),
    );
    expect(throttled).toMatchObject({ code: "SAP_THROTTLED", diagnosis: { httpStatus: 429 } });
    const unavailable = await failure({ connector: { retry } }, (ctx) =>
      ctx.sim.faults.inject({ kind: "unavailable" }),
    );
    expect(unavailable).toMatchObject({ code: "SAP_UNAVAILABLE", diagnosis: { httpStatus: 503 } });
    const slow = await failure({ connector: { retry, timeoutMs: 100 } }, (ctx) =>
      ctx.sim.faults.inject({ kind: "slow", delayMs: 1000 }),
    );
    expect(slow.code).toBe("SAP_TIMEOUT");
  });
});

describe("each logon method against the simulator", () => {
  it("OAuth client credentials: one token until shortly before it expires, then a new one", async () => {
    const clock = testClock();
    const ctx = await setupSap({
      sim: {
        ...small,
        modelOptions: { ...small.modelOptions, clock: clock.now },
        oauth: { clientId: "ASSETS_CLIENT", clientSecret: "oauth-secret-1", tokenLifetimeSeconds: 600 },
      },
      settings: { auth: "oauthClientCredentials", oauth: { clientId: "ASSETS_CLIENT" } },
      secrets: { clientSecret: "oauth-secret-1" },
      connector: { clock: clock.now },
    });
    const tokenCalls = () =>
      ctx.sim.requests.entries.filter((r) => r.path.startsWith("/sap/bc/sec/oauth2/token")).length;
    expect((await ctx.hub.testConnection(ctx.integrationId)).ok).toBe(true);
    expect((await ctx.hub.syncNow(ctx.integrationId)).status).toBe("success");
    expect(tokenCalls()).toBe(1);
    clock.advance(590_000);
    expect((await ctx.hub.syncNow(ctx.integrationId)).status).toBe("success");
    expect(tokenCalls()).toBe(2);
    await ctx.sim.close();

    const wrong = await failure({
      sim: { oauth: { clientId: "ASSETS_CLIENT", clientSecret: "oauth-secret-1" } },
      settings: { auth: "oauthClientCredentials", oauth: { clientId: "ASSETS_CLIENT" } },
      secrets: { clientSecret: "not-the-secret" },
    });
    expect(wrong).toMatchObject({
      code: "SAP_LOGON_FAILED",
      diagnosis: { httpStatus: 401, errorCode: "invalid_client" },
    });
  });

  it("a host token provider (SAML bearer, BTP destinations) supplies the bearer token", async () => {
    let url = "";
    const provider = async () => {
      const response = await fetch(`${url}/sap/bc/sec/oauth2/token`, {
        method: "POST",
        headers: {
          authorization: `Basic ${btoa("HOST_CLIENT:host-secret")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
      });
      return ((await response.json()) as { access_token: string }).access_token;
    };
    const ctx = await setupSap({
      sim: { ...small, oauth: { clientId: "HOST_CLIENT", clientSecret: "host-secret" } },
      settings: { auth: "tokenProvider" },
      secrets: {},
      connector: { tokenProvider: provider },
    });
    url = ctx.sim.url;
    expect((await ctx.hub.testConnection(ctx.integrationId)).ok).toBe(true);
    expect((await ctx.hub.syncNow(ctx.integrationId)).status).toBe("success");
    await ctx.sim.close();
  });

  it("X.509 client certificates over mutual TLS, with a certificate generated for the test", {
    timeout: 60_000,
  }, async () => {
    const certs = createMtlsCertificates({ selfSigned: ["stranger"] });
    const sim = {
      ...small,
      tls: { key: certs.server.key, cert: certs.server.cert, ca: certs.ca.cert },
      clientCertificates: {},
    };
    const settings = { auth: "certificate" as const, caCertificate: certs.server.cert };
    const ctx = await setupSap({
      sim,
      settings,
      secrets: { clientCertificate: certs.client.cert, clientKey: certs.client.key },
    });
    expect(ctx.sim.url.startsWith("https://")).toBe(true);
    expect((await ctx.hub.testConnection(ctx.integrationId)).ok).toBe(true);
    expect((await ctx.hub.syncNow(ctx.integrationId)).status).toBe("success");
    await ctx.sim.close();
    const refused = await failure({
      sim,
      settings,
      secrets: {
        clientCertificate: certs.selfSigned.stranger.cert,
        clientKey: certs.selfSigned.stranger.key,
      },
    });
    expect(refused.code).toBe("SAP_LOGON_FAILED");
  });
});
