import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import { DEFAULT_CLIENT_SECRET, type GraphSimulator, startGraphSimulator } from "@uslimato/simulators";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { captureIo } from "./fixtures/capture-io";
import { simulatorAppFlags } from "./fixtures/simulator-entra";

const REAL_TENANT = "11111111-2222-3333-4444-555555555555";
const REAL_CLIENT = "66666666-7777-8888-9999-000000000000";
const REAL_SECRET = "RealTenantSecretNeverOnLoopback0123456789";

interface Sent {
  url: URL;
  method: string;
  body: string;
}

const bodyText = async (input: Request | string | URL, init?: RequestInit): Promise<string> => {
  if (input instanceof Request) return input.clone().text();
  const body = init?.body;
  if (body === undefined || body === null) return "";
  return typeof body === "string" ? body : new Response(body).text();
};

/**
 * Two integrations in one store: one on a local Graph simulator (plain http on loopback), one on Microsoft's real
 * authority. Every outbound request is intercepted: Microsoft's hosts are answered here (nothing leaves the
 * machine), loopback requests go to the simulator and are recorded.
 */
describe("msal network routing is per integration (issue 15 item 1)", () => {
  let sim: GraphSimulator;
  let home: string;
  let simId = "";
  let realId = "";
  const sent: Sent[] = [];
  const realFetch = globalThis.fetch;
  const env = { SIM_SECRET: DEFAULT_CLIENT_SECRET, REAL_SECRET };

  const cli = async (args: string[]) => {
    const cap = captureIo({ homeDir: home, env });
    const code = await runCli(args, { io: cap.io });
    expect(cap.all()).not.toContain(REAL_SECRET);
    return { code, out: cap.stdout(), err: cap.stderr() };
  };

  const interceptOutbound = () =>
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const method = (input instanceof Request ? input.method : init?.method) ?? "GET";
      sent.push({ url, method, body: await bodyText(input, init) });
      if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return realFetch(input, init);
      // Microsoft's authority, answered locally: metadata, then a refused client secret (AADSTS7000215).
      if (url.pathname.endsWith("/openid-configuration"))
        return Response.json({
          token_endpoint: `https://${url.host}/${REAL_TENANT}/oauth2/v2.0/token`,
          issuer: `https://${url.host}/${REAL_TENANT}/v2.0`,
          authorization_endpoint: `https://${url.host}/${REAL_TENANT}/oauth2/v2.0/authorize`,
          end_session_endpoint: `https://${url.host}/${REAL_TENANT}/oauth2/v2.0/logout`,
          jwks_uri: `https://${url.host}/${REAL_TENANT}/discovery/v2.0/keys`,
        });
      if (url.pathname.endsWith("/discovery/instance"))
        return Response.json({
          tenant_discovery_endpoint: `https://${url.host}/${REAL_TENANT}/v2.0/.well-known/openid-configuration`,
          "api-version": "1.1",
          metadata: [{ preferred_network: url.host, preferred_cache: url.host, aliases: [url.host] }],
        });
      return Response.json(
        {
          error: "invalid_client",
          error_description: "AADSTS7000215: Invalid client secret provided.",
          error_codes: [7000215],
        },
        { status: 401 },
      );
    });

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 20, seed: 5 } });
    home = await mkdtemp(join(tmpdir(), "usl-route-"));
    expect((await cli(["init"])).code).toBe(0);
    const add = async (extra: string[]) => {
      const { code, out, err } = await cli(["integrations", "add", "entra", ...extra, "--json"]);
      expect(err).toBe("");
      expect(code).toBe(0);
      return (JSON.parse(out) as { id: string }).id;
    };
    simId = await add(["--name", "Simulator", ...simulatorAppFlags(sim), "--secret-from-env", "SIM_SECRET"]);
    realId = await add([
      "--name",
      "Real tenant",
      "--tenant-id",
      REAL_TENANT,
      "--client-id",
      REAL_CLIENT,
      "--secret-from-env",
      "REAL_SECRET",
    ]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    sent.length = 0;
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("`test <real id>` sends its token request to Microsoft only: nothing reaches the loopback port", async () => {
    interceptOutbound();
    const { code, out } = await cli(["test", realId]);
    expect(code).toBe(4);
    expect(out).toContain("INVALID_SECRET");
    const loopback = sent.filter((r) => r.url.port === new URL(sim.url).port);
    expect(loopback).toEqual([]);
    const tokenRequests = sent.filter((r) => r.method === "POST");
    expect(tokenRequests.length).toBeGreaterThan(0);
    for (const request of tokenRequests) {
      expect(request.url.protocol).toBe("https:");
      expect(request.url.hostname).toBe("login.microsoftonline.com");
      expect(request.url.pathname).toBe(`/${REAL_TENANT}/oauth2/v2.0/token`);
    }
    // The secret did travel, to Microsoft (answered here): proof the interception saw the real request.
    expect(tokenRequests.some((r) => r.body.includes(REAL_SECRET))).toBe(true);
  });

  it("the simulator's integration still reaches its own loopback authority, and only it", async () => {
    interceptOutbound();
    const { code } = await cli(["test", simId]);
    expect(code).toBe(0);
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) {
      expect(request.url.host).toBe(new URL(sim.url).host);
      expect(request.body).not.toContain(REAL_SECRET);
    }
  });

  it("after both ran in one process, the real secret never appeared on the loopback port", async () => {
    interceptOutbound();
    await cli(["test", simId]);
    await cli(["test", realId]);
    await cli(["test", simId]);
    const loopback = sent.filter((r) => r.url.port === new URL(sim.url).port);
    expect(loopback.length).toBeGreaterThan(0);
    for (const request of loopback) {
      expect(request.body).not.toContain(REAL_SECRET);
      expect(request.url.href).not.toContain(REAL_SECRET);
    }
    expect(sent.filter((r) => r.url.hostname === "login.microsoftonline.com").length).toBeGreaterThan(0);
  });
});
