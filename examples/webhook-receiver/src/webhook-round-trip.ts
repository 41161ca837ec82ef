import { createEntraWebhooks } from "@uslimato/connector-entra";
import type { SyncLog } from "@uslimato/core";
import type { RunningServer, WebHandler } from "./running-server";
import { serveWithHono } from "./serve-with-hono";
import { serveWithNode } from "./serve-with-node";
import { startHost } from "./start-host";

/** Where the receiver is mounted. */
export type ReceiverAdapter = "hono" | "node";

/** What one round trip showed. */
export interface RoundTrip {
  notificationUrl: string;
  subscriptions: Array<{ id: string; resource: string; expiresAt: Date }>;
  /** Whether the simulator's validation handshake reached the receiver and was answered. */
  validated: boolean;
  firstSync: SyncLog;
  webhookSync: SyncLog;
}

/**
 * The whole webhook path against the Graph simulator: a first sync, the receiver mounted with `adapter`,
 * `ensure` (Graph's validation handshake), a change in the tenant, its change notification, and the one
 * debounced incremental sync it triggers.
 */
export async function webhookRoundTrip(options: {
  adapter: ReceiverAdapter;
  port?: number;
  users?: number;
  onStep?: (line: string) => void;
}): Promise<RoundTrip> {
  const step = options.onStep ?? (() => {});
  const host = await startHost(options.users === undefined ? {} : { users: options.users });
  let server: RunningServer | undefined;
  try {
    const firstSync = await host.hub.syncNow(host.integrationId);
    step(`first sync: ${firstSync.status}, ${firstSync.counts.created} users created`);

    // The public URL must be known before the receiver exists, so the route forwards to it once it does.
    let receive: WebHandler = async () => new Response("starting", { status: 503 });
    const serve = options.adapter === "hono" ? serveWithHono : serveWithNode;
    const path = "/graph/notifications";
    server = await serve((request) => receive(request), {
      path,
      ...(options.port ? { port: options.port } : {}),
    });
    const webhooks = createEntraWebhooks({
      hub: host.hub,
      notificationUrl: server.url,
      connector: host.connectorOptions,
      debounceMs: 200,
    });
    receive = webhooks.handler;
    step(`receiver (${options.adapter}) listening at ${server.url}`);
    try {
      const subscriptions = await webhooks.ensure(host.integrationId);
      const validated = host.sim.deliveries.some((d) => d.kind === "validation" && d.status === 200);
      for (const s of subscriptions)
        step(
          `subscription ${s.id} on ${s.resource} until ${s.expiresAt.toISOString()} (handshake ok: ${validated})`,
        );

      const synced = host.nextSync("webhook");
      const [user] = host.sim.model.listUsers();
      if (!user) throw new Error("the simulated tenant has no users");
      host.sim.model.updateUser(user.id, { displayName: "Renamed Through A Webhook" });
      step(`renamed ${user.userPrincipalName} in the tenant; Graph sends a change notification`);
      await host.sim.flushNotifications();
      const webhookSync = await synced;
      step(
        `webhook-triggered sync: ${webhookSync.trigger} ${webhookSync.mode} ${webhookSync.status}, ` +
          `${webhookSync.counts.updated} updated`,
      );
      await webhooks.remove(host.integrationId);
      return { notificationUrl: server.url, subscriptions, validated, firstSync, webhookSync };
    } finally {
      await webhooks.close();
    }
  } finally {
    await server?.close();
    await host.close();
  }
}
