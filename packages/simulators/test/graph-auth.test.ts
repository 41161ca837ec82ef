import { generateKeyPairSync } from "node:crypto";
import { ConfidentialClientApplication, type INetworkModule } from "@azure/msal-node";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSimulatorNetworkClient,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type GraphSimulator,
  startGraphSimulator,
} from "../src/index";
import { getToken, graphGet } from "./fixtures/index";

type AadError = {
  error: string;
  error_description: string;
  error_codes: number[];
  trace_id: string;
  correlation_id: string;
};

describe("Entra token endpoint", () => {
  let sim: GraphSimulator;
  const tokenRequest = (fields: Record<string, string>, tenant = sim.tenantId) =>
    fetch(`${sim.url}/${tenant}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        scope: "https://graph.microsoft.com/.default",
        ...fields,
      }),
    });
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 20, seed: 1 } });
    sim.model.registerApp({
      clientId: "no-consent",
      clientSecret: "s",
      roles: ["User.Read.All"],
      consented: false,
    });
    sim.model.registerApp({
      clientId: "expired",
      clientSecret: "old",
      roles: ["User.Read.All"],
      secretExpired: true,
    });
    sim.model.registerApp({ clientId: "groups-only", clientSecret: "g", roles: ["Group.Read.All"] });
  });
  afterAll(() => sim.close());

  it("issues a signed JWT with roles, tid, appid and the Graph audience", async () => {
    const response = await tokenRequest({
      client_id: DEFAULT_CLIENT_ID,
      client_secret: DEFAULT_CLIENT_SECRET,
    });
    const body = (await response.json()) as {
      token_type: string;
      expires_in: number;
      ext_expires_in: number;
      access_token: string;
    };
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599 });
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({
      aud: "https://graph.microsoft.com",
      tid: sim.tenantId,
      appid: DEFAULT_CLIENT_ID,
    });
    expect(claims.roles).toContain("User.Read.All");
  });

  it.each([
    [
      "unknown tenant",
      { client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET },
      "contoso.example",
      400,
      "invalid_request",
      90002,
    ],
    [
      "unknown client",
      { client_id: "nobody", client_secret: "x" },
      undefined,
      400,
      "unauthorized_client",
      700016,
    ],
    [
      "bad secret",
      { client_id: DEFAULT_CLIENT_ID, client_secret: "wrong" },
      undefined,
      401,
      "invalid_client",
      7000215,
    ],
    [
      "expired secret",
      { client_id: "expired", client_secret: "old" },
      undefined,
      401,
      "invalid_client",
      7000222,
    ],
    ["no secret", { client_id: DEFAULT_CLIENT_ID }, undefined, 401, "invalid_client", 7000218],
  ])("answers %s with the real AADSTS error", async (_name, fields, tenant, status, error, code) => {
    const response = await tokenRequest(fields, tenant);
    const body = (await response.json()) as AadError;
    expect(response.status).toBe(status);
    expect(body.error).toBe(error);
    expect(body.error_codes).toEqual([code]);
    expect(body.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((body as AadError & { timestamp: string }).timestamp).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/,
    );
    expect(response.headers.get("x-ms-request-id")).toBe(body.trace_id);
  });

  it("answers an unknown tenant's discovery like Entra, with trace and correlation ids", async () => {
    const response = await fetch(`${sim.url}/contoso.example/v2.0/.well-known/openid-configuration`);
    const body = (await response.json()) as AadError;
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_tenant", error_codes: [90002] });
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["throttle", 429, 90055],
    ["unavailable", 503, 90033],
    ["gatewayTimeout", 504, 90033],
  ] as const)("answers a %s fault at the token endpoint the way Entra does", async (kind, status, code) => {
    sim.faults.inject({ kind, match: `/${sim.tenantId}/oauth2/v2.0/token`, times: 1, retryAfterSeconds: 2 });
    const response = await tokenRequest({
      client_id: DEFAULT_CLIENT_ID,
      client_secret: DEFAULT_CLIENT_SECRET,
    });
    const body = (await response.json()) as AadError;
    expect(response.status).toBe(status);
    expect(body).toMatchObject({ error: "temporarily_unavailable", error_codes: [code] });
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("retry-after")).toBe("2");
  });

  it("gives an unconsented app a token without roles, then Graph answers 403 Authorization_RequestDenied", async () => {
    const token = await getToken(sim, "no-consent", "s");
    expect(decodeJwt(token).roles).toBeUndefined();
    const denied = await graphGet<{ error: { code: string } }>(`${sim.graphBaseUrl}/v1.0/users`, token);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("Authorization_RequestDenied");
    const groupsOnly = await getToken(sim, "groups-only", "g");
    expect((await graphGet(`${sim.graphBaseUrl}/v1.0/users`, groupsOnly)).status).toBe(403);
    expect((await graphGet(`${sim.graphBaseUrl}/v1.0/groups`, groupsOnly)).status).toBe(200);
  });

  it("serves msal-node through createSimulatorNetworkClient (login.microsoftonline.com authority)", async () => {
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: DEFAULT_CLIENT_ID,
        clientSecret: DEFAULT_CLIENT_SECRET,
        authority: `https://login.microsoftonline.com/${sim.tenantId}`,
      },
      system: { networkClient: createSimulatorNetworkClient(sim) satisfies INetworkModule },
    });
    const result = await app.acquireTokenByClientCredential({
      scopes: ["https://graph.microsoft.com/.default"],
    });
    expect(result?.accessToken).toBeTruthy();
    const page = await graphGet(`${sim.graphBaseUrl}/v1.0/users?$top=5`, result?.accessToken as string);
    expect(page.body.value).toHaveLength(5);
  });

  it("serves msal-node with a simulator authority (openid discovery) and a certificate assertion", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const thumbprint = "a".repeat(64);
    sim.model.registerApp({
      clientId: "cert-app",
      certificateThumbprintSha256: thumbprint,
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
      roles: ["User.Read.All"],
    });
    const host = new URL(sim.url).host;
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: "cert-app",
        authority: `https://${host}/${sim.tenantId}`,
        knownAuthorities: [host],
        clientCertificate: {
          thumbprintSha256: thumbprint,
          privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
        },
      },
      system: { networkClient: createSimulatorNetworkClient(sim) },
    });
    const result = await app.acquireTokenByClientCredential({
      scopes: ["https://graph.microsoft.com/.default"],
    });
    expect(decodeJwt(result?.accessToken as string).appid).toBe("cert-app");
    expect(
      sim.requests.filter(`/${sim.tenantId}/v2.0/.well-known/openid-configuration`).length,
    ).toBeGreaterThan(0);
    const wrongKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const impostor = new ConfidentialClientApplication({
      auth: {
        clientId: "cert-app",
        authority: `https://${host}/${sim.tenantId}`,
        knownAuthorities: [host],
        clientCertificate: {
          thumbprintSha256: thumbprint,
          privateKey: wrongKey.export({ type: "pkcs8", format: "pem" }).toString(),
        },
      },
      system: { networkClient: createSimulatorNetworkClient(sim) },
    });
    await expect(
      impostor.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] }),
    ).rejects.toThrow(/AADSTS700027/);
  });
});
