import type { BackgroundContext, BackgroundService } from "@uslimato/core/connector";
import { ENTRA_CONNECTOR_ID } from "../entra-connector-id";
import type { EntraConnectorOptions } from "../entra-connector-options";
import { createEntraWebhooks } from "./create-entra-webhooks";

const HOUR_MS = 3_600_000;

/**
 * The Entra connector's background service (`Connector.background`), run by `createInterfaceHub`: with a
 * notification URL, the change-notification receiver ({@link createEntraWebhooks}), the subscriptions of every
 * enabled Entra integration (created at start, and when one is created, enabled or updated), and their hourly
 * renewal. Without one it does nothing: scheduled syncs alone keep the tenant in step.
 */
export function createEntraBackground(
  context: BackgroundContext,
  options: EntraConnectorOptions = {},
): BackgroundService {
  const { hub, logger, notificationUrl } = context;
  if (notificationUrl === undefined) return { start: async () => {}, stop: async () => {} };
  const webhooks = createEntraWebhooks({ hub, notificationUrl, connector: options, logger });
  const pending = new Set<Promise<unknown>>();
  let renew: ReturnType<typeof setInterval> | undefined;
  let unsubscribe: (() => void) | undefined;
  const ensure = (integrationId: string) => {
    const work = webhooks.ensure(integrationId).then(
      (subscriptions) => logger.info({ integrationId, subscriptions: subscriptions.length }, "subscribed"),
      (error: unknown) => logger.error({ integrationId, err: error }, "subscription failed"),
    );
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  return {
    handler: webhooks.handler,
    async start() {
      await webhooks.load();
      if (!context.subscribe) return;
      for (const integration of await hub.integrations.list({
        connectorId: ENTRA_CONNECTOR_ID,
        enabled: true,
      }))
        ensure(integration.id);
      unsubscribe = hub.onIntegrationEvent(async (event) => {
        if (event.connectorId !== ENTRA_CONNECTOR_ID) return;
        if (event.type === "created" || event.type === "enabled" || event.type === "updated") {
          const integration = await hub.integrations.get(event.integrationId);
          if (integration.enabled) ensure(event.integrationId);
        }
      });
      renew = setInterval(() => {
        const work = webhooks
          .renewDue()
          .catch((error: unknown) => logger.error({ err: error }, "subscription renewal failed"));
        pending.add(work);
        void work.finally(() => pending.delete(work));
      }, HOUR_MS);
      renew.unref?.();
    },
    async stop() {
      clearInterval(renew);
      unsubscribe?.();
      await Promise.allSettled([...pending]);
      await webhooks.close();
    },
  };
}
