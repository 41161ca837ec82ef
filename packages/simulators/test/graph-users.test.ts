import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphSimulator, startGraphSimulator } from "../src/index";
import { followAll, getToken, graphGet, type Page } from "./fixtures/index";

describe("GET /v1.0/users", () => {
  let sim: GraphSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 2500, seed: 7 } });
    token = await getToken(sim);
  });
  afterAll(() => sim.close());

  it("pages with $top and opaque $skiptoken next links, keeping $select", async () => {
    const first = await graphGet(
      `${sim.graphBaseUrl}/v1.0/users?$select=id,displayName,mail&$top=999`,
      token,
    );
    expect(first.status).toBe(200);
    expect(first.body.value).toHaveLength(999);
    expect(Object.keys(first.body.value[0] ?? {}).sort()).toEqual(["displayName", "id", "mail"]);
    expect(first.body["@odata.nextLink"]).toMatch(/\$skiptoken=[A-Za-z0-9_-]+/);
    const all = await followAll(`${sim.graphBaseUrl}/v1.0/users?$select=id,displayName&$top=999`, token);
    expect(all.pages).toBe(3);
    expect(all.items).toHaveLength(2500);
    expect(new Set(all.items.map((u) => u.id)).size).toBe(2500);
    expect(Object.keys(all.items[2400] ?? {}).sort()).toEqual(["displayName", "id"]);
  });

  it("defaults to pages of 100 and the default property set", async () => {
    const page = await graphGet(`${sim.graphBaseUrl}/v1.0/users`, token);
    expect(page.body.value).toHaveLength(100);
    expect(page.body.value[0]).toHaveProperty("businessPhones");
    expect(page.body.value[0]).not.toHaveProperty("accountEnabled");
    expect(page.headers.get("x-ms-resource-unit")).toBe("2");
  });

  it("rejects $top above 999 and unknown $select properties with Graph errors", async () => {
    const tooBig = await graphGet<{
      error: { code: string; message: string; innerError: Record<string, string> };
    }>(`${sim.graphBaseUrl}/v1.0/users?$top=1000`, token);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.code).toBe("Request_UnsupportedQuery");
    expect(tooBig.body.error.message).toContain("Must be between 1 and 999");
    expect(tooBig.body.error.innerError["request-id"]).toBe(tooBig.headers.get("request-id"));
    const unknown = await graphGet<{ error: { code: string } }>(
      `${sim.graphBaseUrl}/v1.0/users?$select=nope`,
      token,
    );
    expect(unknown.status).toBe(400);
  });

  it("generates realistic users: diacritics, no mail, mixed case, guests, ~5% disabled", async () => {
    const { items } = await followAll(
      `${sim.graphBaseUrl}/v1.0/users?$select=id,displayName,mail,userPrincipalName,accountEnabled,userType&$top=999`,
      token,
    );
    expect(items.some((u) => [...String(u.displayName)].some((c) => c.charCodeAt(0) > 127))).toBe(true);
    expect(items.filter((u) => u.mail === null).length).toBeGreaterThan(100);
    expect(items.some((u) => typeof u.mail === "string" && u.mail !== u.mail.toLowerCase())).toBe(true);
    expect(items.some((u) => String(u.userPrincipalName).includes("#EXT#") && u.userType === "Guest")).toBe(
      true,
    );
    const disabled = items.filter((u) => u.accountEnabled === false).length / items.length;
    expect(disabled).toBeGreaterThan(0.03);
    expect(disabled).toBeLessThan(0.07);
  });

  it("answers 401 InvalidAuthenticationToken without or with a bad token", async () => {
    const none = await fetch(`${sim.graphBaseUrl}/v1.0/users`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
      "InvalidAuthenticationToken",
    );
    const bad = await graphGet<{ error: { code: string } }>(
      `${sim.graphBaseUrl}/v1.0/users`,
      `${token.slice(0, -4)}AAAA`,
    );
    expect(bad.status).toBe(401);
  });

  it("reads one user by id and answers 404 for an unknown one", async () => {
    const user = sim.model.userEntry(5).user;
    const found = await graphGet<{ id: string }>(`${sim.graphBaseUrl}/v1.0/users/${user.id}`, token);
    expect(found.body.id).toBe(user.id);
    const missing = await graphGet<Page>(
      `${sim.graphBaseUrl}/v1.0/users/00000000-0000-4000-8000-000000000000`,
      token,
    );
    expect(missing.status).toBe(404);
  });
});
