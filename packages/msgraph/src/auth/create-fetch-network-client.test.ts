import { Secret } from "@uslimato/core/connector";
import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startTestServer, type TestServer } from "../../test/fixtures";
import { createFetchNetworkClient } from "./create-fetch-network-client";
import { createGraphTokenProvider } from "./create-graph-token-provider";

const TENANT = "22222222-2222-2222-2222-222222222222";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("createFetchNetworkClient", () => {
  it("hands the dispatcher (an outbound proxy) to every fetch and leaves URLs alone", async () => {
    const seen: Array<{ url: string; dispatcher: unknown }> = [];
    const dispatcher = { name: "proxy-agent" };
    const client = createFetchNetworkClient({
      dispatcher,
      fetch: async (input, init) => {
        seen.push({ url: String(input), dispatcher: (init as { dispatcher?: unknown }).dispatcher });
        return new Response('{"ok":true}', { status: 200, headers: { "x-ms-request-id": "t1" } });
      },
    });
    const response = await client.sendGetRequestAsync<{ ok: boolean }>(
      "https://login.microsoftonline.com/x/v2.0/.well-known/openid-configuration",
    );
    expect(response).toMatchObject({ status: 200, body: { ok: true }, headers: { "x-ms-request-id": "t1" } });
    expect(seen).toEqual([
      {
        url: "https://login.microsoftonline.com/x/v2.0/.well-known/openid-configuration",
        dispatcher,
      },
    ]);
  });

  it("refuses to route Microsoft's authorities unless the host asks for a proxy", () => {
    for (const host of ["login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn"]) {
      expect(() =>
        createFetchNetworkClient({ routes: [{ from: `https://${host}`, to: "http://127.0.0.1:4010" }] }),
      ).toThrow(expect.objectContaining({ code: "INVALID_ENDPOINT" }));
    }
    expect(() =>
      createFetchNetworkClient({
        routes: [{ from: "https://login.microsoftonline.com", to: "http://proxy.example" }],
        routeMicrosoftAuthority: true,
      }),
    ).toThrow(expect.objectContaining({ code: "INVALID_ENDPOINT" }));
    expect(() =>
      createFetchNetworkClient({ routes: [{ from: "https://login.example/path", to: "https://x.example" }] }),
    ).toThrow(expect.objectContaining({ code: "INVALID_ENDPOINT" }));
  });

  it("routes Microsoft's authority through the host's reverse proxy when asked, token request included", async () => {
    const posts: string[] = [];
    server = await startTestServer((req, res, body) => {
      const publicBase = `https://login.microsoftonline.com/${TENANT}`;
      if (req.url?.includes("openid-configuration")) {
        return sendJson(res, 200, {
          token_endpoint: `${publicBase}/oauth2/v2.0/token`,
          authorization_endpoint: `${publicBase}/oauth2/v2.0/authorize`,
          issuer: `${publicBase}/v2.0`,
          jwks_uri: `${publicBase}/discovery/v2.0/keys`,
        });
      }
      posts.push(`${req.url?.split("?")[0]} ${body.includes("client_secret") ? "with-secret" : ""}`);
      sendJson(res, 200, { token_type: "Bearer", expires_in: 3599, access_token: "via-proxy" });
    });
    const networkClient = createFetchNetworkClient({
      routes: [{ from: "https://login.microsoftonline.com", to: `${server.url}/entra` }],
      routeMicrosoftAuthority: true,
    });
    const provider = createGraphTokenProvider({
      tenantId: TENANT,
      credential: { type: "clientSecret", clientId: "app-proxy", clientSecret: new Secret("proxy-secret-1") },
      networkClient,
    });
    expect((await provider.getToken()).token).toBe("via-proxy");
    expect(posts).toEqual([`/entra/${TENANT}/oauth2/v2.0/token with-secret`]);
  });

  it("never sends a Microsoft-authority token request to a loopback authority's route", async () => {
    server = await startTestServer((_req, res) => sendJson(res, 500, {}));
    const calls: string[] = [];
    const provider = createGraphTokenProvider({
      tenantId: TENANT,
      credential: { type: "clientSecret", clientId: "app-real", clientSecret: new Secret("real-secret-1") },
      networkClient: createFetchNetworkClient({
        routes: [{ from: `https://${new URL(server.url).host}`, to: server.url }],
        fetch: async (input) => {
          calls.push(String(input));
          return new Response("{}", { status: 500 });
        },
      }),
      retry: { retries: 0 },
    });
    await provider.getToken().catch(() => undefined);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((url) => url.startsWith("https://login.microsoftonline.com/"))).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});
