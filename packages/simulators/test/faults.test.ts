import { request as httpRequest } from "node:http";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFaultController,
  createGraphHandlers,
  createGraphModel,
  type GraphSimulator,
  startGraphSimulator,
} from "../src/index";
import { getToken } from "./fixtures/index";

function rawGet(url: string, token: string): Promise<{ status: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", (e) => resolve({ status: res.statusCode ?? 0, body, error: e.message }));
      res.on("aborted", () => resolve({ status: res.statusCode ?? 0, body, error: "aborted" }));
    });
    req.on("error", (e) => resolve({ status: 0, body: "", error: e.message }));
    req.end();
  });
}

describe("faults over HTTP", () => {
  let sim: GraphSimulator;
  let token: string;
  let users: string;
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 300, seed: 5 } });
    token = await getToken(sim);
    users = `${sim.graphBaseUrl}/v1.0/users?$top=100`;
  });
  afterAll(() => sim.close());

  it("throttles with 429 and Retry-After, then recovers (times)", async () => {
    sim.faults.inject({ kind: "throttle", match: "/v1.0/users", retryAfterSeconds: 7, times: 1 });
    const throttled = await fetch(users, { headers: { authorization: `Bearer ${token}` } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("7");
    expect(((await throttled.json()) as { error: { code: string } }).error.code).toBe("TooManyRequests");
    expect((await fetch(users, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it("answers 503 and 504 (504 without Retry-After)", async () => {
    sim.faults.inject({ kind: "unavailable", retryAfterSeconds: 2, times: 1 });
    const unavailable = await fetch(users, { headers: { authorization: `Bearer ${token}` } });
    expect([unavailable.status, unavailable.headers.get("retry-after")]).toEqual([503, "2"]);
    sim.faults.inject({ kind: "gatewayTimeout", times: 1 });
    const timeout = await fetch(users, { headers: { authorization: `Bearer ${token}` } });
    expect([timeout.status, timeout.headers.get("retry-after")]).toEqual([504, null]);
  });

  it("resets connections, truncates bodies and sends malformed JSON", async () => {
    sim.faults.inject({ kind: "reset", times: 1 });
    expect((await rawGet(users, token)).error).toBeDefined();
    sim.faults.inject({ kind: "truncated", times: 1 });
    const truncated = await rawGet(users, token);
    expect(truncated.error).toBeDefined();
    sim.faults.inject({ kind: "malformed", times: 1 });
    const malformed = await rawGet(users, token);
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.body)).toThrow();
  });

  it("schedules faults (after/every) and replays probabilities from the seed", async () => {
    const scheduled = createFaultController(1);
    scheduled.inject({ kind: "throttle", after: 2, every: 3 });
    const hits = Array.from({ length: 10 }, () => scheduled.take("GET", "/x")?.kind ?? "-");
    expect(hits).toEqual(["-", "-", "throttle", "-", "-", "throttle", "-", "-", "throttle", "-"]);
    const run = (seed: number) => {
      const faults = createFaultController(seed);
      faults.inject({ kind: "unavailable", probability: 0.3 });
      return Array.from({ length: 30 }, () => faults.take("GET", "/x") !== undefined);
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42).filter(Boolean).length).toBeGreaterThan(0);
  });

  it("serves an empty page that still links on, so no data is lost", async () => {
    sim.faults.inject({ kind: "emptyPage", match: "/v1.0/users", times: 1 });
    const empty = (await (await fetch(users, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      value: unknown[];
      "@odata.nextLink": string;
    };
    expect(empty.value).toEqual([]);
    const next = (await (
      await fetch(empty["@odata.nextLink"], { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { value: unknown[] };
    expect(next.value).toHaveLength(100);
  });
});

describe("msw handlers on the same model", () => {
  const model = createGraphModel({ users: 50, seed: 11 });
  const faults = createFaultController(1);
  const server = setupServer(
    ...createGraphHandlers(model, { baseUrl: "https://graph.microsoft.com", faults }),
  );
  beforeAll(() => server.listen({ onUnhandledFrame: "bypass" }));
  afterAll(() => server.close());

  it("issues tokens at login.microsoftonline.com and serves users, delta and faults", async () => {
    const tokenResponse = await fetch(
      `https://login.microsoftonline.com/${model.tenantId}/oauth2/v2.0/token`,
      {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: "11111111-2222-4333-8444-555555555555",
          client_secret: "sim-secret~not-a-real-credential",
          scope: "https://graph.microsoft.com/.default",
        }),
      },
    );
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const headers = { authorization: `Bearer ${access_token}` };
    const page = (await (
      await fetch("https://graph.microsoft.com/v1.0/users?$top=20", { headers })
    ).json()) as { value: Array<{ id: string }>; "@odata.nextLink": string };
    expect(page.value[0]?.id).toBe(model.userEntry(0).user.id);
    expect(page["@odata.nextLink"]).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\?/);
    model.disableUser(page.value[3]?.id as string);
    faults.inject({ kind: "throttle", times: 1, retryAfterSeconds: 3 });
    expect((await fetch("https://graph.microsoft.com/v1.0/users", { headers })).status).toBe(429);
    faults.inject({ kind: "reset", times: 1 });
    await expect(fetch("https://graph.microsoft.com/v1.0/users", { headers })).rejects.toThrow();
  });

  it("shares the model with an HTTP simulator", async () => {
    const sim = await startGraphSimulator({ model });
    const token = await getToken(sim);
    const user = (await (
      await fetch(`${sim.graphBaseUrl}/v1.0/users/${model.userEntry(3).user.id}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { accountEnabled: boolean };
    expect(user.accountEnabled).toBe(false);
    await sim.close();
  });
});
