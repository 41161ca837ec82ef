import type { Hub } from "@uslimato/core";
import { isUslimatoError, type Logger, noopLogger } from "@uslimato/core/connector";
import type { WebhookContext } from "@uslimato/core/webhooks";
import {
  createDebouncer,
  createNotificationReceiver,
  createSubscriptionManager,
  type KnownSubscription,
  type ManagedSubscription,
} from "@uslimato/msgraph";
import { ENTRA_CONNECTOR_ID } from "../entra-connector-id";
import type { EntraConnectorOptions } from "../entra-connector-options";
import { openEntraGraph } from "../graph/open-entra-graph";
import type { EntraSettings } from "../settings/entra-settings";
import { createSubscriptionStateStore } from "./subscription-state-store";
import { tokenTenantId } from "./token-tenant-id";

/** Options of {@link createEntraWebhooks}. */
export interface EntraWebhooksOptions {
  hub: Hub;
  /** Public https URL where Graph reaches {@link EntraWebhooks.handler}. */
  notificationUrl: string;
  /** Where lifecycle events go (default: the same URL). */
  lifecycleNotificationUrl?: string;
  /** The same options the connector was created with (network client, fetch, retries). */
  connector?: EntraConnectorOptions;
  /** Quiet time before a debounced sync. Default 2 s. */
  debounceMs?: number;
  /** Longest delay of a debounced sync in a burst. Default 30 s. */
  maxWaitMs?: number;
  logger?: Logger;
  clock?: () => Date;
}

/** Graph change notifications for Entra integrations. */
export interface EntraWebhooks {
  /** The receiver: web-standard, mount it with an adapter from `@uslimato/core/webhooks` (node:http, Express, Fastify, Hono). */
  handler: (request: Request, context?: WebhookContext) => Promise<Response>;
  /**
   * Creates (or renews) the subscriptions of an integration: users, and groups for the "Users and Groups" scope.
   * Each stored subscription is checked on Graph: one Graph no longer has (or one for an older notification URL)
   * is replaced, and a sync catches up on what was missed meanwhile.
   */
  ensure(integrationId: string): Promise<ManagedSubscription[]>;
  /** Renews every known subscription that expires within `withinMinutes` (default 1 day). */
  renewDue(options?: { withinMinutes?: number }): Promise<void>;
  /** Deletes an integration's subscriptions (also done on disable and delete). */
  remove(integrationId: string): Promise<void>;
  /** Loads the subscriptions of every Entra integration (after a restart, on every instance). */
  load(): Promise<void>;
  /**
   * Resolves when no notification is being handled and no debounced or running webhook-triggered sync is left,
   * so hosts, tests and graceful shutdowns need not poll the sync log.
   */
  idle(): Promise<void>;
  /**
   * Stops listening to the hub and cancels debounced syncs not started yet; settles once the webhook-triggered
   * syncs already running have finished, so a host can await it before closing its storage.
   */
  close(): Promise<void>;
}

/**
 * Change notifications for Entra integrations: a subscription manager per integration whose random clientState
 * is sealed in the credential store, and a receiver that accepts a notification only for our subscription, with
 * the matching clientState (constant time) and the integration's tenant, then coalesces notifications into one
 * debounced incremental sync per integration (trigger `webhook`). Lifecycle events: `reauthorizationRequired`
 * reauthorizes, `subscriptionRemoved` recreates the subscription, and both it and `missed` start a sync.
 * Subscriptions are removed when an integration is disabled or deleted.
 */
export function createEntraWebhooks(options: EntraWebhooksOptions): EntraWebhooks {
  const { hub } = options;
  const logger = options.logger ?? noopLogger;
  const known = new Map<string, KnownSubscription>();
  const clock = options.clock ?? (() => new Date());

  const debouncer = createDebouncer({
    waitMs: options.debounceMs ?? 2000,
    maxWaitMs: options.maxWaitMs ?? 30_000,
    run: async (integrationId) => {
      try {
        await hub.syncNow(integrationId, {
          trigger: "webhook",
          actor: { type: "webhook", id: "graph-change-notification" },
        });
      } catch (error) {
        if (isUslimatoError(error, "SYNC_ALREADY_RUNNING")) {
          debouncer.notify(integrationId);
          return;
        }
        throw error;
      }
    },
    onError: (integrationId, error) =>
      logger.error({ integrationId, err: error }, "webhook-triggered sync failed"),
  });

  const withManager = <T>(
    integrationId: string,
    work: (
      m: ReturnType<typeof createSubscriptionManager>,
      tenantId: string,
      scope: EntraSettings["scope"],
      store: ReturnType<typeof createSubscriptionStateStore>,
    ) => Promise<T>,
  ) =>
    hub.withConnectorContext(integrationId, async (ctx) => {
      const entra = ctx as Parameters<typeof openEntraGraph>[0];
      const { graph, tokens } = openEntraGraph(entra, options.connector ?? {});
      const tenantId = tokenTenantId((await tokens.getToken()).token) ?? entra.settings.tenantId;
      const store = createSubscriptionStateStore(ctx.state, tenantId);
      const manager = createSubscriptionManager({
        client: graph,
        notificationUrl: options.notificationUrl,
        lifecycleNotificationUrl: options.lifecycleNotificationUrl ?? options.notificationUrl,
        store,
        clock,
        logger: ctx.logger,
      });
      return work(manager, tenantId, (entra.settings as EntraSettings).scope, store);
    });

  const index = async (integrationId: string, store: ReturnType<typeof createSubscriptionStateStore>) => {
    for (const [id, sub] of known) if (sub.integrationId === integrationId) known.delete(id);
    for (const sub of await store.listWithTenant())
      known.set(sub.id, { integrationId, tenantId: sub.tenantId, clientState: sub.clientState });
  };

  const receive = createNotificationReceiver({
    logger,
    lookupSubscription: async (id) => known.get(id) ?? null,
    onChange: (integrationId) => debouncer.notify(integrationId),
    onLifecycle: async (integrationId, notification) => {
      const { lifecycleEvent, subscriptionId } = notification;
      logger.info({ integrationId, subscriptionId, lifecycleEvent }, "graph lifecycle event");
      if (lifecycleEvent === "reauthorizationRequired") {
        await withManager(integrationId, async (manager, _t, _s, store) => {
          await manager.reauthorize(subscriptionId);
          await index(integrationId, store);
        });
        return;
      }
      if (lifecycleEvent === "subscriptionRemoved") {
        await withManager(integrationId, async (manager, _t, _s, store) => {
          await manager.recreate(subscriptionId);
          await index(integrationId, store);
        });
      }
      // Removed or missed: changes may have gone unnoticed, so a sync catches up.
      debouncer.notify(integrationId);
    },
  });

  /** Notification work the receiver handed on and that has not settled yet (for `idle`). */
  const handling = new Set<Promise<unknown>>();
  const handler: EntraWebhooks["handler"] = (request, context) =>
    receive(request, {
      waitUntil(promise) {
        handling.add(promise);
        void promise.finally(() => handling.delete(promise));
        context?.waitUntil?.(promise);
      },
    });

  const unsubscribe = hub.onIntegrationEvent(async (event) => {
    if (event.connectorId !== ENTRA_CONNECTOR_ID) return;
    if (event.type === "disabled" || event.type === "deleting") await webhooks.remove(event.integrationId);
  });

  const webhooks: EntraWebhooks = {
    handler,
    ensure: (integrationId) =>
      withManager(integrationId, async (manager, _tenantId, scope, store) => {
        const resources = scope === "usersAndGroups" ? ["users", "groups"] : ["users"];
        const before = new Map((await store.list(integrationId)).map((r) => [r.resource, r.id]));
        const subscriptions = await manager.ensure(integrationId, resources);
        await index(integrationId, store);
        const replaced = subscriptions.some((s) => before.has(s.resource) && before.get(s.resource) !== s.id);
        if (replaced) debouncer.notify(integrationId);
        return subscriptions;
      }),
    async renewDue({ withinMinutes = 24 * 60 } = {}) {
      const integrations = await hub.integrations.list({ connectorId: ENTRA_CONNECTOR_ID, enabled: true });
      for (const integration of integrations) {
        await withManager(integration.id, async (manager, _t, _s, store) => {
          const report = await manager.renewDue({
            before: new Date(clock().getTime() + withinMinutes * 60_000),
          });
          for (const failure of report.failed)
            logger.warn(
              { integrationId: integration.id, subscriptionId: failure.id },
              "subscription renewal failed",
            );
          await index(integration.id, store);
        });
      }
    },
    async remove(integrationId) {
      await withManager(integrationId, async (manager) => manager.removeAll(integrationId));
      for (const [id, sub] of known) if (sub.integrationId === integrationId) known.delete(id);
    },
    async load() {
      for (const integration of await hub.integrations.list({ connectorId: ENTRA_CONNECTOR_ID })) {
        await hub.withConnectorContext(integration.id, async (ctx) => {
          const store = createSubscriptionStateStore(ctx.state, "");
          await index(integration.id, store);
        });
      }
    },
    async idle() {
      while (true) {
        if (handling.size > 0) {
          await Promise.allSettled([...handling]);
          continue;
        }
        await debouncer.idle();
        if (handling.size === 0) return;
      }
    },
    async close() {
      unsubscribe();
      await debouncer.close();
    },
  };
  return webhooks;
}
