import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createEntraWebhooks, type EntraWebhooks } from "@uslimato/connector-entra";
import { toNodeHandler } from "@uslimato/core/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupEntra } from "./fixtures/setup-entra";

type Setup = Awaited<ReturnType<typeof setupEntra>>;

describe("Entra webhooks: subscription lifecycle and verification", () => {
  let env: Setup;
  let server: Server;
  let url = "";
  let current: EntraWebhooks | undefined;
  const open = () => {
    void current?.close();
    current = createEntraWebhooks({
      hub: env.hub,
      notificationUrl: url,
      connector: env.connectorOptions,
      debounceMs: 20,
      maxWaitMs: 200,
    });
    return current;
  };
  const webhookLogs = async () =>
    (await env.hub.syncLogs(env.id, { limit: 100 })).filter((l) => l.trigger === "webhook");
  const until = async (what: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  beforeAll(async () => {
    env = await setupEntra({ users: 300, seed: 8 });
    await env.hub.syncNow(env.id);
    server = createServer(
      toNodeHandler((request) =>
        current ? current.handler(request) : Promise.resolve(new Response("", { status: 503 })),
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph`;
  }, 30_000);
  afterAll(async () => {
    await current?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await env.sim.close();
  });

  it("keeps each clientState sealed: never in clear in storage", async () => {
    const webhooks = open();
    const [subscription] = await webhooks.ensure(env.id);
    const held = env.sim.subscriptions().find((s) => s.id === subscription?.id);
    expect(held?.clientState).toMatch(/^[A-Za-z0-9_-]{32,128}$/);
    const sealed = await env.storage.secrets.list(env.id);
    expect(sealed.some((s) => s.name.startsWith("state:graph-subscription:"))).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain(held!.clientState!);
    expect((await env.hub.integrations.get(env.id)).secrets.map((s) => s.name)).toEqual([
      "clientSecret",
      "certificatePrivateKey",
    ]);
  });

  it("rejects forged notifications (wrong clientState, unknown subscription, wrong tenant) without syncing", async () => {
    const webhooks = open();
    await webhooks.load();
    const held = env.sim.subscriptions()[0]!;
    const before = (await webhookLogs()).length;
    const post = (item: Record<string, unknown>) =>
      webhooks.handler(
        new Request(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ value: [item] }),
        }),
      );
    const base = {
      subscriptionId: held.id,
      clientState: held.clientState,
      tenantId: env.sim.tenantId,
      changeType: "updated",
      resource: "Users/x",
    };
    expect((await post({ ...base, clientState: "forged-client-state" })).status).toBe(202);
    expect((await post({ ...base, subscriptionId: "00000000-0000-0000-0000-000000000000" })).status).toBe(
      202,
    );
    expect((await post({ ...base, tenantId: "99999999-9999-4999-8999-999999999999" })).status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect((await webhookLogs()).length).toBe(before);
    expect((await post(base)).status).toBe(202);
    await until(async () => (await webhookLogs()).length === before + 1);
  });

  it("after a restart, load() knows the subscriptions; a lifecycle event re-authorizes", async () => {
    const webhooks = open();
    await webhooks.load();
    const held = env.sim.subscriptions()[0]!;
    const delivery = await env.sim.triggerLifecycle(held.id, "reauthorizationRequired");
    expect(delivery.status).toBe(202);
    await until(async () =>
      env.sim.requests.entries.some(
        (r) => r.method === "POST" && r.path.endsWith(`/subscriptions/${held.id}/reauthorize`),
      ),
    );
  });

  it("recreates a subscription Graph lost, and removes all on disable", async () => {
    const webhooks = open();
    await webhooks.load();
    const lost = env.sim.subscriptions()[0]!;
    env.sim.loseSubscription(lost.id);
    await webhooks.renewDue({ withinMinutes: 60 * 24 * 60 });
    const now = env.sim.subscriptions();
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(lost.id);
    env.sim.model.updateUser([...env.sim.model.listUsers()][5]!.id, { displayName: "After Recreate" });
    const before = (await webhookLogs()).length;
    await env.sim.flushNotifications();
    await until(async () => (await webhookLogs()).length === before + 1);
    await env.hub.integrations.disable(env.id);
    expect(env.sim.subscriptions()).toHaveLength(0);
    await env.hub.integrations.enable(env.id);
    await webhooks.ensure(env.id);
  });

  it("idle() resolves once the sync a notification started has finished", async () => {
    const webhooks = open();
    await webhooks.ensure(env.id);
    await webhooks.idle();
    const before = (await webhookLogs()).length;
    env.sim.model.updateUser([...env.sim.model.listUsers()][7]!.id, { displayName: "Idle Check" });
    await env.sim.flushNotifications();
    await webhooks.idle();
    const logs = await webhookLogs();
    expect(logs).toHaveLength(before + 1);
    expect(logs.every((l) => l.finishedAt !== undefined && l.status !== "running")).toBe(true);
  });

  it("a genuine subscriptionRemoved recreates the subscription and syncs; a forged one does nothing", async () => {
    const webhooks = open();
    await webhooks.load();
    const held = env.sim.subscriptions()[0]!;
    const forged = await webhooks.handler(
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          value: [
            {
              subscriptionId: held.id,
              clientState: "forged-client-state",
              tenantId: env.sim.tenantId,
              lifecycleEvent: "subscriptionRemoved",
            },
          ],
        }),
      }),
    );
    expect(forged.status).toBe(202);
    await webhooks.idle();
    expect(env.sim.subscriptions().map((s) => s.id)).toEqual([held.id]);

    const before = (await webhookLogs()).length;
    expect((await env.sim.triggerLifecycle(held.id, "subscriptionRemoved")).status).toBe(202);
    await webhooks.idle();
    const now = env.sim.subscriptions();
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(held.id);
    expect((await webhookLogs()).length).toBe(before + 1);
    // The new subscription delivers: a change in the tenant triggers a sync again.
    env.sim.model.updateUser([...env.sim.model.listUsers()][9]!.id, { displayName: "After Removal" });
    await env.sim.flushNotifications();
    await webhooks.idle();
    expect((await webhookLogs()).length).toBe(before + 2);
  });

  it("a missed lifecycle event starts a sync", async () => {
    const webhooks = open();
    await webhooks.load();
    const before = (await webhookLogs()).length;
    expect((await env.sim.triggerLifecycle(env.sim.subscriptions()[0]!.id, "missed")).status).toBe(202);
    await webhooks.idle();
    expect((await webhookLogs()).length).toBe(before + 1);
  });

  it("ensure() checks Graph: a subscription Graph lost is recreated at once, not after its expiry", async () => {
    const webhooks = open();
    await webhooks.load();
    const lost = env.sim.subscriptions()[0]!;
    env.sim.loseSubscription(lost.id);
    const [subscription] = await webhooks.ensure(env.id);
    expect(subscription?.id).not.toBe(lost.id);
    expect(env.sim.subscriptions().map((s) => s.id)).toEqual([subscription?.id]);
    await webhooks.idle();
  });

  it("ensure() after the notification URL changed replaces the subscription instead of failing", async () => {
    const webhooks = open();
    await webhooks.load();
    const old = env.sim.subscriptions()[0]!;
    void current?.close();
    current = createEntraWebhooks({
      hub: env.hub,
      notificationUrl: `${url}/moved`,
      connector: env.connectorOptions,
      debounceMs: 20,
      maxWaitMs: 200,
    });
    await current.load();
    const [subscription] = await current.ensure(env.id);
    const held = env.sim.subscriptions();
    expect(held.map((s) => [s.id, s.notificationUrl])).toEqual([[subscription?.id, `${url}/moved`]]);
    expect(subscription?.id).not.toBe(old.id);
    await current.idle();
  });
});
