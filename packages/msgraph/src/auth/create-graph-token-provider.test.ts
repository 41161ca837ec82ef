import type { INetworkModule, NetworkResponse } from "@azure/msal-node";
import { noopTelemetry, Secret } from "@uslimato/core/connector";
import { SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startTestServer, type TestServer } from "../../test/fixtures";
import { GraphAuthError } from "../errors/graph-auth-error";
import { createGraphTokenProvider } from "./create-graph-token-provider";
import { decodeTokenRoles } from "./decode-token-roles";

const TENANT = "11111111-1111-1111-1111-111111111111";
const SECRET = "super-secret-client-value";

/** Routes msal-node's https calls to the local test server over http. */
function loopbackNetwork(): INetworkModule {
  const send = async <T>(url: string, init: RequestInit): Promise<NetworkResponse<T>> => {
    const response = await fetch(url.replace(/^https:/, "http:"), init);
    return {
      headers: Object.fromEntries(response.headers),
      body: (await response.json()) as T,
      status: response.status,
    };
  };
  return {
    sendGetRequestAsync: (url, options) => send(url, { headers: options?.headers ?? {} }),
    sendPostRequestAsync: (url, options) =>
      send(url, { method: "POST", headers: options?.headers ?? {}, body: options?.body ?? "" }),
  };
}

async function startAuthority(answer: (body: URLSearchParams) => { status: number; body: unknown }) {
  return startTestServer((req, res, body) => {
    const host = `https://${req.headers.host}`;
    if (req.url?.includes("openid-configuration")) {
      return sendJson(res, 200, {
        token_endpoint: `${host}/${TENANT}/oauth2/v2.0/token`,
        authorization_endpoint: `${host}/${TENANT}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${host}/${TENANT}/oauth2/v2.0/logout`,
        issuer: `${host}/${TENANT}/v2.0`,
        jwks_uri: `${host}/${TENANT}/discovery/v2.0/keys`,
      });
    }
    const { status, body: json } = answer(new URLSearchParams(body));
    sendJson(res, status, json);
  });
}

const accessToken = (roles: string[]) =>
  new SignJWT({ roles })
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode("k".repeat(32)));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("createGraphTokenProvider", () => {
  it("gets a token with a client secret through msal-node and reuses its cache across providers", async () => {
    const token = await accessToken(["User.Read.All"]);
    const seen: URLSearchParams[] = [];
    server = await startAuthority((body) => {
      seen.push(body);
      return { status: 200, body: { token_type: "Bearer", expires_in: 3599, access_token: token } };
    });
    const networkClient = loopbackNetwork();
    const options = {
      tenantId: TENANT,
      credential: { type: "clientSecret" as const, clientId: "app-1", clientSecret: new Secret(SECRET) },
      cloud: {
        authorityHost: server.url,
        graphBaseUrl: `${server.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
      networkClient,
    };
    const first = await createGraphTokenProvider(options).getToken();
    const second = await createGraphTokenProvider(options).getToken();
    expect(first.token).toBe(token);
    expect(second.token).toBe(token);
    expect(first.expiresOnTimestamp).toBeGreaterThan(Date.now());
    expect(seen).toHaveLength(1);
    expect(seen[0]?.get("client_secret")).toBe(SECRET);
    expect(seen[0]?.get("scope")).toContain("https://graph.microsoft.com/.default");
    expect(decodeTokenRoles(first.token)).toEqual(["User.Read.All"]);
  });

  it("reuses a token valid for more than five minutes without asking msal-node, as msal-node would renew it", async () => {
    const tokens = [await accessToken(["A"]), await accessToken(["B"]), await accessToken(["C"])];
    let issued = 0;
    let lifetime = 3599;
    server = await startAuthority(() => ({
      status: 200,
      body: { token_type: "Bearer", expires_in: lifetime, access_token: tokens[issued++] },
    }));
    let asked = 0;
    const telemetry = {
      ...noopTelemetry,
      span: () => {
        asked += 1;
        return { set() {}, fail() {}, end() {} };
      },
    };
    const options = (clientId: string) => ({
      tenantId: TENANT,
      credential: { type: "clientSecret" as const, clientId, clientSecret: new Secret(SECRET) },
      cloud: {
        authorityHost: server?.url ?? "",
        graphBaseUrl: `${server?.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
      networkClient: loopbackNetwork(),
      telemetry,
    });
    const provider = createGraphTokenProvider(options("app-reuse"));
    const got = [await provider.getToken()];
    got.push(...(await Promise.all([1, 2, 3].map(() => provider.getToken()))));
    for (let i = 0; i < 5; i++) got.push(await provider.getToken());
    expect(new Set(got.map((t) => t.token))).toEqual(new Set([tokens[0]]));
    expect(asked).toBe(1);
    expect(issued).toBe(1);
    // a token that expires within five minutes is renewed by msal-node on every ask: it is not reused either
    lifetime = 200;
    const short = createGraphTokenProvider(options("app-short"));
    const a = await short.getToken();
    const b = await short.getToken();
    expect([a.token, b.token]).toEqual([tokens[1], tokens[2]]);
    const aborted = new AbortController();
    aborted.abort(new Error("stopped"));
    await expect(provider.getToken(aborted.signal)).rejects.toThrow("stopped");
  });

  it.each([
    [7000215, "invalid_client", "INVALID_SECRET"],
    [7000222, "invalid_client", "SECRET_EXPIRED"],
    [700016, "unauthorized_client", "CLIENT_NOT_FOUND"],
    [90002, "invalid_request", "TENANT_NOT_FOUND"],
    [70011, "invalid_scope", "INVALID_SCOPE"],
  ])("maps AADSTS%i to a GraphAuthError without the secret", async (number, oauthError, code) => {
    server = await startAuthority(() => ({
      status: 400,
      body: {
        error: oauthError,
        error_description: `AADSTS${number}: Something about ${SECRET}. Trace ID: 0a1b2c3d-0000-0000-0000-000000000001 Correlation ID: 0a1b2c3d-0000-0000-0000-000000000002 Timestamp: 2026-01-01 00:00:00Z`,
        error_codes: [number],
        timestamp: "2026-01-01 00:00:00Z",
        trace_id: "0a1b2c3d-0000-0000-0000-000000000001",
        correlation_id: "0a1b2c3d-0000-0000-0000-000000000002",
      },
    }));
    const provider = createGraphTokenProvider({
      tenantId: TENANT,
      credential: { type: "clientSecret", clientId: `app-${number}`, clientSecret: new Secret(SECRET) },
      cloud: {
        authorityHost: server.url,
        graphBaseUrl: `${server.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
      networkClient: loopbackNetwork(),
    });
    const failure = await provider.getToken().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphAuthError);
    expect(failure).toMatchObject({
      code,
      aadsts: String(number),
      traceId: "0a1b2c3d-0000-0000-0000-000000000001",
    });
    const mapped = failure as GraphAuthError;
    expect(mapped.diagnosis).toMatchObject({
      service: "entra-token",
      httpStatus: 400,
      errorCode: oauthError,
      serviceCode: `AADSTS${number}`,
      traceId: "0a1b2c3d-0000-0000-0000-000000000001",
      correlationId: "0a1b2c3d-0000-0000-0000-000000000002",
      date: "2026-01-01 00:00:00Z",
    });
    expect(mapped.diagnosis?.message).toMatch(new RegExp(`^AADSTS${number}: Something about`));
    expect(mapped.diagnosis).not.toHaveProperty("requestId");
    expect(`${mapped.message} ${JSON.stringify(mapped)}`).not.toContain(SECRET);
    expect(server?.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("passes a certificate credential to msal-node as a signed client assertion", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const seen: URLSearchParams[] = [];
    server = await startAuthority((body) => {
      seen.push(body);
      return { status: 200, body: { token_type: "Bearer", expires_in: 3599, access_token: "cert-token" } };
    });
    const provider = createGraphTokenProvider({
      tenantId: TENANT,
      credential: {
        type: "certificate",
        clientId: "app-cert",
        thumbprintSha256: "a".repeat(64),
        privateKey: new Secret(privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
      },
      cloud: {
        authorityHost: server.url,
        graphBaseUrl: `${server.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
      networkClient: loopbackNetwork(),
    });
    expect((await provider.getToken()).token).toBe("cert-token");
    expect(seen[0]?.get("client_assertion_type")).toBe(
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    );
    expect(seen[0]?.get("client_assertion")?.split(".")).toHaveLength(3);
  });

  it("uses an Azure SDK TokenCredential with the cloud's Graph scope", async () => {
    const scopes: unknown[] = [];
    const provider = createGraphTokenProvider({
      tenantId: TENANT,
      cloud: "usGov",
      credential: {
        type: "tokenCredential",
        credential: {
          getToken: async (s) => {
            scopes.push(s);
            return { token: "azure-token", expiresOnTimestamp: 42 };
          },
        },
      },
    });
    expect(await provider.getToken()).toEqual({ token: "azure-token", expiresOnTimestamp: 42 });
    expect(scopes).toEqual([["https://graph.microsoft.us/.default"]]);
  });

  it("refuses plain http off loopback, http without a network client, and multi-tenant aliases", () => {
    const credential = { type: "clientSecret" as const, clientId: "a", clientSecret: new Secret(SECRET) };
    expect(() =>
      createGraphTokenProvider({
        tenantId: TENANT,
        credential,
        cloud: { authorityHost: "http://login.example", graphBaseUrl: "https://g.example/v1.0" },
      }),
    ).toThrow(expect.objectContaining({ code: "INVALID_ENDPOINT" }));
    expect(() =>
      createGraphTokenProvider({
        tenantId: TENANT,
        credential,
        cloud: { authorityHost: "https://login.example", graphBaseUrl: "http://g.example/v1.0" },
      }),
    ).toThrow(expect.objectContaining({ code: "INVALID_ENDPOINT" }));
    expect(() => createGraphTokenProvider({ tenantId: "common", credential })).toThrow(
      expect.objectContaining({ code: "TENANT_NOT_FOUND" }),
    );
  });
});

describe("token requests on a flaky or redirected network", () => {
  const credential = (clientId: string) => ({
    type: "clientSecret" as const,
    clientId,
    clientSecret: new Secret(SECRET),
  });
  const fast = { baseDelayMs: 1, maxDelayMs: 20 };

  it("derives the route to a loopback http authority itself: no network client needed", async () => {
    server = await startAuthority(() => ({
      status: 200,
      body: { token_type: "Bearer", expires_in: 3599, access_token: "loopback-token" },
    }));
    const provider = createGraphTokenProvider({
      tenantId: TENANT,
      credential: credential("app-derived"),
      cloud: {
        authorityHost: server.url,
        graphBaseUrl: `${server.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
    });
    expect((await provider.getToken()).token).toBe("loopback-token");
    expect(server.requests.every((r) => r.headers["x-forwarded-proto"] === "https")).toBe(true);
  });

  it("retries a single 503 and a single connection reset of the token endpoint", async () => {
    let posts = 0;
    server = await startTestServer((req, res) => {
      const host = `https://${req.headers.host}`;
      if (req.url?.includes("openid-configuration")) {
        return sendJson(res, 200, {
          token_endpoint: `${host}/${TENANT}/oauth2/v2.0/token`,
          authorization_endpoint: `${host}/${TENANT}/oauth2/v2.0/authorize`,
          issuer: `${host}/${TENANT}/v2.0`,
          jwks_uri: `${host}/${TENANT}/discovery/v2.0/keys`,
        });
      }
      posts++;
      if (posts === 1)
        return sendJson(res, 503, { error: "temporarily_unavailable" }, { "retry-after": "0" });
      if (posts === 2) {
        req.socket.destroy();
        return;
      }
      sendJson(res, 200, { token_type: "Bearer", expires_in: 3599, access_token: "after-retries" });
    });
    const provider = createGraphTokenProvider({
      tenantId: TENANT,
      credential: credential("app-flaky"),
      cloud: {
        authorityHost: server.url,
        graphBaseUrl: `${server.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
      retry: fast,
    });
    expect((await provider.getToken()).token).toBe("after-retries");
    expect(posts).toBe(3);
  });

  it("gives up after the policy's retries with AUTH_UNAVAILABLE and the endpoint's status", async () => {
    server = await startAuthority(() => ({
      status: 503,
      body: {
        error: "temporarily_unavailable",
        error_description: "AADSTS90033: A transient error has occurred.",
      },
    }));
    const provider = createGraphTokenProvider({
      tenantId: TENANT,
      credential: credential("app-down"),
      cloud: {
        authorityHost: server.url,
        graphBaseUrl: `${server.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
      retry: { ...fast, retries: 2 },
    });
    const failure = (await provider.getToken().catch((e: unknown) => e)) as GraphAuthError;
    expect(failure).toMatchObject({ code: "AUTH_UNAVAILABLE", httpStatus: 503 });
    expect(failure.diagnosis).toMatchObject({
      service: "entra-token",
      httpStatus: 503,
      errorCode: "temporarily_unavailable",
      serviceCode: "AADSTS90033",
    });
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(3);
  });

  it("refuses a hand-written network client for Microsoft's authority", () => {
    expect(() =>
      createGraphTokenProvider({
        tenantId: TENANT,
        credential: credential("app-ms"),
        networkClient: loopbackNetwork(),
      }),
    ).toThrow(expect.objectContaining({ code: "INVALID_ENDPOINT" }));
  });
});

describe("decodeTokenRoles", () => {
  it("is empty for tokens without roles and for garbage", async () => {
    expect(decodeTokenRoles(await accessToken([]))).toEqual([]);
    expect(decodeTokenRoles("not-a-jwt")).toEqual([]);
  });
});
