import { request as httpRequest } from "node:http";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createGraphHandlers,
  createGraphModel,
  DEFAULT_CLIENT_ID,
  type GraphSimulator,
  startGraphSimulator,
} from "../src/index";
import { followAll, getToken, graphGet, type Page } from "./fixtures/index";

type GraphErrorBody = { error: { code: string; message: string; innerError: Record<string, string> } };

/** GET over node:http, returning the raw response head and body bytes. */
function rawGet(url: string, token: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("Graph serving over HTTP", () => {
  let sim: GraphSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 3000, groups: 3, seed: 21 } });
    token = await getToken(sim);
  });
  afterAll(() => sim.close());

  it("streams big pages with chunked transfer encoding over a keep-alive connection", async () => {
    const url = `${sim.graphBaseUrl}/v1.0/users?$select=id,displayName,mail,userPrincipalName&$top=999`;
    const first = await rawGet(url, token);
    expect(first.headers["transfer-encoding"]).toBe("chunked");
    expect(first.headers.connection).toBe("keep-alive");
    const page = JSON.parse(first.body.toString("utf8")) as Page;
    expect(page.value).toHaveLength(999);
    expect(page["@odata.nextLink"]).toBeDefined();
  });

  it("keeps pages full and ids unique when users in the middle are deleted", async () => {
    const model = createGraphModel({ users: 1000, seed: 4 });
    const local = await startGraphSimulator({ model });
    const localToken = await getToken(local);
    for (let i = 100; i < 150; i++) model.softDeleteUser(model.userEntry(i).user.id);
    model.hardDeleteUser(model.userEntry(400).user.id);
    const first = await graphGet(`${local.graphBaseUrl}/v1.0/users?$select=id&$top=200`, localToken);
    expect(first.body.value).toHaveLength(200);
    const all = await followAll(`${local.graphBaseUrl}/v1.0/users?$select=id&$top=200`, localToken);
    expect(all.items).toHaveLength(949);
    expect(new Set(all.items.map((u) => u.id)).size).toBe(949);
    expect(all.items.map((u) => u.id)).not.toContain(model.userEntry(120).user.id);
    await local.close();
  });

  it("serves the same page bytes over HTTP and through the msw handlers", async () => {
    const path = "/v1.0/users?$select=id,displayName,givenName,surname,mail,accountEnabled&$top=300";
    const http = await rawGet(`${sim.graphBaseUrl}${path}`, token);
    const server = setupServer(...createGraphHandlers(sim.model, { baseUrl: "https://graph.microsoft.com" }));
    server.listen({ onUnhandledFrame: "bypass" });
    try {
      const mswToken = await getToken({ url: "https://login.microsoftonline.com", tenantId: sim.tenantId });
      const msw = await fetch(`https://graph.microsoft.com${path}`, {
        headers: { authorization: `Bearer ${mswToken}` },
      });
      const origin = (text: string) => text.replaceAll(sim.graphBaseUrl, "ORIGIN");
      expect(origin(await msw.text())).toBe(
        origin(http.body.toString("utf8")).replaceAll("ORIGIN", "https://graph.microsoft.com"),
      );
    } finally {
      server.close();
    }
  });

  it("answers a slow fault late but complete", async () => {
    sim.faults.inject({ kind: "slow", delayMs: 200, match: "/v1.0/users", times: 1 });
    const started = performance.now();
    const slow = await graphGet(`${sim.graphBaseUrl}/v1.0/users?$top=10`, token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(slow.body.value).toHaveLength(10);
  });

  it("repeats a page on the duplicatePage fault, so a client sees duplicates across pages", async () => {
    sim.faults.inject({ kind: "duplicatePage", match: "/v1.0/users", after: 1, times: 1 });
    const all = await followAll(`${sim.graphBaseUrl}/v1.0/users?$select=id&$top=999`, token);
    expect(all.pages).toBe(5);
    expect(all.items).toHaveLength(3000 + 999);
    expect(new Set(all.items.map((u) => u.id)).size).toBe(3000);
  });

  it("points the next link back to the start on the loopNextLink fault: a repeat, or with `every` a cycle", async () => {
    const links = async (pages: number) => {
      const seen: string[] = [];
      let url: string | undefined = `${sim.graphBaseUrl}/v1.0/users?$select=id&$top=999`;
      for (let i = 0; i < pages && url; i++) {
        const page = await graphGet(url, token);
        url = page.body["@odata.nextLink"] as string | undefined;
        if (url) seen.push(url);
      }
      return seen;
    };
    const repeat = sim.faults.inject({ kind: "loopNextLink", match: "/v1.0/users", after: 1 });
    const repeated = await links(4);
    repeat.remove();
    expect(repeated[1]).not.toBe(repeated[0]);
    expect(repeated[2]).toBe(repeated[1]);
    expect(repeated[3]).toBe(repeated[1]);
    const cycle = sim.faults.inject({ kind: "loopNextLink", match: "/v1.0/users", after: 2, every: 3 });
    const cycled = await links(6);
    cycle.remove();
    expect(new Set(cycled).size).toBe(3);
    expect(cycled.slice(3)).toEqual(cycled.slice(0, 3));
  });

  it("lists groups and a group's members, paged", async () => {
    const groups = await followAll(`${sim.graphBaseUrl}/v1.0/groups?$select=id,displayName&$top=2`, token);
    expect(groups.pages).toBe(2);
    expect(groups.items.map((g) => g.id)).toEqual([0, 1, 2].map((i) => sim.model.group(i).id));
    const group = sim.model.group(1);
    const members = await followAll(`${sim.graphBaseUrl}/v1.0/groups/${group.id}/members?$top=400`, token);
    expect(members.items).toHaveLength(1000);
    expect(members.items[0]).toEqual({
      "@odata.type": "#microsoft.graph.user",
      id: sim.model.userEntry(1).user.id,
      displayName: sim.model.userEntry(1).user.displayName,
      userPrincipalName: sim.model.userEntry(1).user.userPrincipalName,
      mail: sim.model.userEntry(1).user.mail,
    });
    const missing = await graphGet<GraphErrorBody>(
      `${sim.graphBaseUrl}/v1.0/groups/00000000-0000-4000-8000-000000000000/members`,
      token,
    );
    expect([missing.status, missing.body.error.code]).toEqual([404, "Request_ResourceNotFound"]);
  });

  it("answers unknown segments and wrong methods with Graph errors carrying request-id", async () => {
    const unknown = await graphGet<GraphErrorBody>(`${sim.graphBaseUrl}/v1.0/nothingHere`, token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.innerError["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(unknown.headers.get("request-id")).toBe(unknown.body.error.innerError["request-id"]);
    const wrong = await fetch(`${sim.graphBaseUrl}/v1.0/users`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}`, "client-request-id": "my-correlation" },
    });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("client-request-id")).toBe("my-correlation");
  });
});

describe("resource units and token lifetime", () => {
  let now = Date.parse("2026-03-01T08:00:00Z");
  let sim: GraphSimulator;
  beforeAll(async () => {
    const model = createGraphModel({ users: 600, seed: 8, clock: () => new Date(now) });
    sim = await startGraphSimulator({ model, resourceUnitLimit: 10, tokenLifetimeSeconds: 60 });
  });
  afterAll(() => sim.close());

  it("charges 2 RU without $select and 1 with, warns from 80%, then 429s with throttle headers", async () => {
    const token = await getToken(sim);
    const plain = await graphGet(`${sim.graphBaseUrl}/v1.0/users?$top=1`, token);
    expect(plain.headers.get("x-ms-resource-unit")).toBe("2");
    const statuses: number[] = [];
    let warned: string | null = null;
    // 21 RU in all: even if a 10 s window boundary falls in between, one window goes over its 10
    for (let i = 0; i < 19; i++) {
      const page = await graphGet(`${sim.graphBaseUrl}/v1.0/users?$select=id&$top=1`, token);
      expect(page.status === 429 || page.headers.get("x-ms-resource-unit") === "1").toBe(true);
      statuses.push(page.status);
      warned ??= page.headers.get("x-ms-throttle-limit-percentage");
      if (page.status === 429) {
        expect(Number(page.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(page.headers.get("x-ms-throttle-scope")).toMatch(
          new RegExp(`^Tenant_Application/ReadWrite/${DEFAULT_CLIENT_ID}/${sim.tenantId}$`),
        );
        expect(page.headers.get("x-ms-throttle-information")).toBe("ResourceUnitLimitExceeded");
        expect((page.body as unknown as GraphErrorBody).error.code).toBe("TooManyRequests");
      }
    }
    expect(warned).toBe("0.8");
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it("refuses an expired access token with 401 InvalidAuthenticationToken", async () => {
    const model = createGraphModel({ users: 5, seed: 2, clock: () => new Date(now) });
    const local = await startGraphSimulator({ model, tokenLifetimeSeconds: 60 });
    const token = await getToken(local);
    expect((await graphGet(`${local.graphBaseUrl}/v1.0/users`, token)).status).toBe(200);
    now += 61_000;
    const expired = await graphGet<GraphErrorBody>(`${local.graphBaseUrl}/v1.0/users`, token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("InvalidAuthenticationToken");
    expect(expired.body.error.message).toMatch(/expired/);
    expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer /);
    await local.close();
  });
});
