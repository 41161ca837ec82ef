import type { BackgroundContext, BackgroundService } from "@uslimato/core/connector";
import { INTUNE_CONNECTOR_ID } from "../intune-connector-id";
import type { IntuneConnectorOptions } from "../intune-connector-options";
import { createIntuneWatcher, type IntuneWatcher } from "./create-intune-watcher";

/**
 * The Intune connector's background service (`Connector.background`), run by `createInterfaceHub`: the change
 * watcher ({@link createIntuneWatcher}) for every enabled Intune integration, those created, enabled or updated
 * later too (disabled and deleted ones leave it). Its syncs go through the composition's hub, so a stop cancels
 * the debounced ones, lets the running ones finish, and aborts them at the drain timeout. With the connector's
 * `watcher: false` it does nothing.
 */
export function createIntuneBackground(
  context: BackgroundContext,
  options: IntuneConnectorOptions = {},
): BackgroundService {
  const { hub, logger } = context;
  const timing = options.watcher;
  if (timing === false) return { start: async () => {}, stop: async () => {} };
  const pending = new Set<Promise<unknown>>();
  let watcher: IntuneWatcher | undefined;
  let unsubscribe: (() => void) | undefined;
  const track = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  return {
    async start() {
      const running = createIntuneWatcher({ ...timing, hub, connector: options, logger });
      watcher = running;
      await running.load();
      unsubscribe = hub.onIntegrationEvent((event) => {
        if (event.connectorId !== INTUNE_CONNECTOR_ID) return;
        if (event.type !== "created" && event.type !== "enabled" && event.type !== "updated") return;
        track(
          hub.integrations
            .get(event.integrationId)
            .then((integration) => (integration.enabled ? running.ensure(integration.id) : undefined))
            .catch((error: unknown) =>
              logger.error(
                { integrationId: event.integrationId, err: error },
                "intune watcher failed to watch",
              ),
            ),
        );
      });
    },
    async stop() {
      unsubscribe?.();
      await Promise.allSettled([...pending]);
      await watcher?.close();
    },
  };
}
