import type { ServerResponse } from "node:http";
import { Secret } from "@uslimato/core/connector";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startTestServer, staticTokens, type TestServer } from "../../test/fixtures";
import { createGraphClient } from "../client/create-graph-client";
import type { GraphClient } from "../client/graph-client";
import { createSubscriptionManager } from "./create-subscription-manager";
import type { SubscriptionRecord, SubscriptionStore } from "./subscription-store";

interface FakeSubscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  expirationDateTime: string;
  clientState: string;
}

/** A tiny stand-in for Graph's /subscriptions. */
function fakeGraph() {
  const subscriptions = new Map<string, FakeSubscription>();
  const reauthorized: string[] = [];
  let next = 1;
  const handler = (req: { method?: string; url?: string }, res: ServerResponse, body: string) => {
    const path = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/v1\.0/, "");
    const id = path.split("/")[2] ?? "";
    if (req.method === "POST" && path === "/subscriptions") {
      const input = JSON.parse(body) as FakeSubscription;
      if (
        [...subscriptions.values()].some(
          (s) => s.resource === input.resource && s.changeType === input.changeType,
        )
      ) {
        sendJson(res, 409, { error: { code: "Conflict" } });
        return;
      }
      const created = { ...input, id: `sub-${next++}` };
      subscriptions.set(created.id, created);
      sendJson(res, 201, { ...created, clientState: null });
      return;
    }
    if (req.method === "GET" && path === "/subscriptions") {
      return sendJson(res, 200, {
        value: [...subscriptions.values()].map((s) => ({ ...s, clientState: null })),
      });
    }
    const found = subscriptions.get(id);
    if (!found) return sendJson(res, 404, { error: { code: "ResourceNotFound" } });
    if (req.method === "GET") return sendJson(res, 200, { ...found, clientState: null });
    if (req.method === "PATCH") {
      found.expirationDateTime = (JSON.parse(body) as FakeSubscription).expirationDateTime;
      sendJson(res, 200, { ...found, clientState: null });
      return;
    }
    if (req.method === "DELETE") {
      subscriptions.delete(id);
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === "POST" && path.endsWith("/reauthorize")) {
      reauthorized.push(id);
      res.writeHead(204);
      res.end();
      return;
    }
    sendJson(res, 400, {});
  };
  return { subscriptions, reauthorized, handler };
}

/** A store that keeps clientStates "sealed" (here: reversed and prefixed), never as plaintext. */
function sealedStore() {
  const records = new Map<string, SubscriptionRecord<string>>();
  const store: SubscriptionStore<string> = {
    list: async (integrationId) =>
      [...records.values()].filter((r) => !integrationId || r.integrationId === integrationId),
    put: async (record) => void records.set(record.id, record),
    delete: async (id) => void records.delete(id),
  };
  return { records, store };
}
const seal = async (secret: Secret) => `sealed:${[...secret.reveal()].reverse().join("")}`;
const open = async (sealed: string) => new Secret([...sealed.slice(7)].reverse().join(""));

let server: TestServer | undefined;
let graph: ReturnType<typeof fakeGraph>;
let client: GraphClient;
let now: Date;
beforeEach(async () => {
  graph = fakeGraph();
  server = await startTestServer(graph.handler);
  client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
  now = new Date("2026-01-01T00:00:00Z");
});
afterEach(async () => {
  await server?.close();
});

function manager(notificationUrl = "https://hub.example/graph/notify") {
  const { records, store } = sealedStore();
  const subscriptions = createSubscriptionManager({
    client,
    notificationUrl,
    lifecycleNotificationUrl: "https://hub.example/graph/lifecycle",
    store,
    sealClientState: seal,
    openClientState: open,
    clock: () => now,
  });
  return { subscriptions, records };
}

describe("createSubscriptionManager", () => {
  it("creates one subscription per resource with a fresh random clientState, stored sealed", async () => {
    const { subscriptions, records } = manager();
    const created = await subscriptions.ensure("int-1", ["users", "groups"]);
    expect(created.map((s) => s.resource)).toEqual(["users", "groups"]);
    const sent = [...graph.subscriptions.values()];
    expect(sent.map((s) => s.changeType)).toEqual(["updated,deleted", "updated,deleted"]);
    expect(sent[0]?.clientState).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(sent[0]?.clientState).not.toBe(sent[1]?.clientState);
    const minutes = (Date.parse(sent[0]?.expirationDateTime ?? "") - now.getTime()) / 60_000;
    expect(minutes).toBeLessThan(41_760);
    expect(minutes).toBeGreaterThan(41_000);
    const stored = [...records.values()];
    expect(JSON.stringify(stored)).not.toContain(sent[0]?.clientState);
    const found = await subscriptions.find(created[0]?.id ?? "");
    expect(found?.integrationId).toBe("int-1");
    expect(found?.clientState.reveal()).toBe(sent[0]?.clientState);
  });

  it("is idempotent and removes subscriptions for resources no longer wanted", async () => {
    const { subscriptions } = manager();
    await subscriptions.ensure("int-1", ["users", "groups"]);
    await subscriptions.ensure("int-1", ["users", "groups"]);
    expect(graph.subscriptions.size).toBe(2);
    await subscriptions.ensure("int-1", ["users"]);
    expect([...graph.subscriptions.values()].map((s) => s.resource)).toEqual(["users"]);
  });

  it("replaces a subscription Graph already has (409) since its clientState is unknown", async () => {
    graph.subscriptions.set("old", {
      id: "old",
      resource: "users",
      changeType: "updated,deleted",
      notificationUrl: "https://hub.example/graph/notify",
      expirationDateTime: now.toISOString(),
      clientState: "unknown",
    });
    const { subscriptions } = manager();
    const [created] = await subscriptions.ensure("int-1", ["users"]);
    expect(graph.subscriptions.has("old")).toBe(false);
    expect(graph.subscriptions.has(created?.id ?? "")).toBe(true);
  });

  it("renews due subscriptions and recreates one Graph lost (404)", async () => {
    const { subscriptions, records } = manager();
    const [users, groups] = await subscriptions.ensure("int-1", ["users", "groups"]);
    graph.subscriptions.delete(groups?.id ?? "");
    now = new Date(now.getTime() + 28 * 86_400_000);
    const report = await subscriptions.renewDue({ before: new Date(now.getTime() + 2 * 86_400_000) });
    expect(report.renewed).toEqual([users?.id]);
    expect(report.recreated).toHaveLength(1);
    expect(report.failed).toEqual([]);
    expect(records.has(groups?.id ?? "")).toBe(false);
    const renewedExpiry = Date.parse(graph.subscriptions.get(users?.id ?? "")?.expirationDateTime ?? "");
    expect(renewedExpiry).toBeGreaterThan(now.getTime() + 28 * 86_400_000);
  });

  it("reauthorizes, recreating when Graph lost the subscription", async () => {
    const { subscriptions } = manager();
    const [users] = await subscriptions.ensure("int-1", ["users"]);
    await subscriptions.reauthorize(users?.id ?? "");
    expect(graph.reauthorized).toEqual([users?.id]);
    graph.subscriptions.clear();
    await subscriptions.reauthorize(users?.id ?? "");
    expect(graph.subscriptions.size).toBe(1);
  });

  it("removes all of an integration's subscriptions, tolerating 404", async () => {
    const { subscriptions, records } = manager();
    const [users] = await subscriptions.ensure("int-1", ["users", "groups"]);
    graph.subscriptions.delete(users?.id ?? "");
    await subscriptions.removeAll("int-1");
    expect(graph.subscriptions.size).toBe(0);
    expect(records.size).toBe(0);
  });

  it("keeps Secrets in the store when no sealing is given", async () => {
    const records: SubscriptionRecord[] = [];
    const subscriptions = createSubscriptionManager({
      client,
      notificationUrl: "https://hub.example/n",
      store: { list: async () => records, put: async (r) => void records.push(r), delete: async () => {} },
    });
    await subscriptions.ensure("int-1", ["users"]);
    expect(records[0]?.clientState).toBeInstanceOf(Secret);
    expect(JSON.stringify(records)).not.toContain(graph.subscriptions.values().next().value?.clientState);
  });

  it("checks a stored subscription on Graph when ensuring, and recreates one Graph no longer has", async () => {
    const { subscriptions, records } = manager();
    const [users] = await subscriptions.ensure("int-1", ["users"]);
    graph.subscriptions.delete(users?.id ?? "");
    const [again] = await subscriptions.ensure("int-1", ["users"]);
    expect(again?.id).not.toBe(users?.id);
    expect(graph.subscriptions.has(again?.id ?? "")).toBe(true);
    expect([...records.keys()]).toEqual([again?.id]);
    expect(
      server?.requests.some((r) => r.method === "GET" && r.url.endsWith(`/subscriptions/${users?.id}`)),
    ).toBe(true);
  });

  it("after the notification URL changed, replaces the app's subscription instead of failing with 409", async () => {
    await manager("https://old.example/graph/notify").subscriptions.ensure("int-1", ["users"]);
    // A fresh store (e.g. another deployment) meets Graph's 409 for the same resource and change type.
    const moved = manager("https://new.example/graph/notify");
    const [created] = await moved.subscriptions.ensure("int-1", ["users"]);
    expect([...graph.subscriptions.values()].map((s) => [s.id, s.notificationUrl])).toEqual([
      [created?.id, "https://new.example/graph/notify"],
    ]);
    // The same store, with the URL changed again: the stored subscription is replaced too.
    const { subscriptions, records } = moved;
    const stored = createSubscriptionManager({
      client,
      notificationUrl: "https://newer.example/graph/notify",
      store: {
        list: async () => [...records.values()],
        put: async (r) => void records.set(r.id, r),
        delete: async (id) => void records.delete(id),
      },
      sealClientState: seal,
      openClientState: open,
      clock: () => now,
    });
    const [replaced] = await stored.ensure("int-1", ["users"]);
    expect(replaced?.id).not.toBe(created?.id);
    expect([...graph.subscriptions.values()].map((s) => s.notificationUrl)).toEqual([
      "https://newer.example/graph/notify",
    ]);
    expect(await subscriptions.find(created?.id ?? "")).toBeNull();
  });

  it("recreates a removed subscription (subscriptionRemoved) and ignores unknown ids", async () => {
    const { subscriptions, records } = manager();
    const [users] = await subscriptions.ensure("int-1", ["users"]);
    graph.subscriptions.delete(users?.id ?? "");
    const recreated = await subscriptions.recreate(users?.id ?? "");
    expect(recreated?.id).not.toBe(users?.id);
    expect(graph.subscriptions.has(recreated?.id ?? "")).toBe(true);
    expect([...records.keys()]).toEqual([recreated?.id]);
    expect(await subscriptions.recreate("not-ours")).toBeNull();
    expect(graph.subscriptions.size).toBe(1);
  });
});
