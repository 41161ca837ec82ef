import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createEntraWebhooks } from "@uslimato/connector-entra";
import type { SyncLog } from "@uslimato/core";
import { toNodeHandler } from "@uslimato/core/webhooks";
import { formatSyncLogs } from "../../output/format-sync-log";
import { type DemoStep, requireLive } from "../demo-context";
import { logFacts } from "../run-sync-step";

const WAIT_MS = 20_000;

/**
 * Step 8: a local HTTP receiver with the Entra webhook handler, a subscription (the simulator performs the
 * validation handshake against it), a change in the tenant, the notification, and the debounced sync it triggers.
 */
export const webhookRoundTrip: DemoStep = {
  name: "webhook",
  title: "Webhook round trip (subscription, change, notification, debounced sync)",
  async run(ctx) {
    const { sim, runtime, integrationId } = requireLive(ctx);
    const { hub } = runtime;
    let handle: (request: Request) => Promise<Response> = async () =>
      new Response("starting", { status: 503 });
    const server = createServer(toNodeHandler((request) => handle(request)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const notificationUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notifications`;
    let webhooks: ReturnType<typeof createEntraWebhooks> | undefined;
    const line = ctx.output.line;
    try {
      webhooks = createEntraWebhooks({
        hub,
        notificationUrl,
        connector: runtime.connectorOptions,
        debounceMs: ctx.debounceMs,
        maxWaitMs: ctx.debounceMs * 10,
      });
      handle = webhooks.handler;
      const [subscription] = await webhooks.ensure(integrationId);
      const handshake = sim.deliveries.find(
        (d) => d.kind === "validation" && d.url.startsWith(notificationUrl),
      );
      line(`  receiver     ${notificationUrl}`);
      line(
        `  subscription ${subscription?.id} on ${subscription?.resource}; validation handshake answered ${handshake?.status}`,
      );
      let user: { id: string; displayName: string | null } | undefined;
      for (const candidate of sim.model.listUsers())
        if (candidate.accountEnabled && !candidate.displayName?.startsWith("Renamed")) {
          user = candidate;
          break;
        }
      if (!user) throw new Error("the tenant has no user to change");
      sim.model.updateUser(user.id, { displayName: "Changed Through Webhook" });
      line(`  changed      ${user.displayName} -> Changed Through Webhook`);
      const deadline = Date.now() + WAIT_MS;
      let log: SyncLog | undefined;
      while (!log) {
        await sim.flushNotifications();
        const [latest] = await hub.syncLogs(integrationId, { limit: 1 });
        if (latest?.trigger === "webhook" && latest.status !== "running") log = latest;
        else if (Date.now() > deadline) throw new Error("no webhook-triggered sync within 20 s");
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const notification = sim.deliveries.find(
        (d) => d.kind === "notification" && d.url.startsWith(notificationUrl),
      );
      line(
        `  notification delivered, answered ${notification?.status}; debounced sync after ${ctx.debounceMs} ms of quiet:`,
      );
      line(formatSyncLogs([log], ctx.output.colors).replace(/^/gm, "  "));
      if (log.status !== "success" || log.counts.updated < 1)
        throw new Error(`the webhook-triggered sync ended ${log.status} with ${log.counts.updated} updated`);
      await webhooks.remove(integrationId);
      return {
        notificationUrl,
        subscriptionId: subscription?.id,
        handshakeStatus: handshake?.status ?? null,
        notificationStatus: notification?.status ?? null,
        sync: logFacts(log),
      };
    } finally {
      await webhooks?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  },
};
