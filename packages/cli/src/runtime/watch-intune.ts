import { createIntuneWatcher, type IntuneWatcher } from "@uslimato/connector-intune";
import type { Hub, Logger } from "@uslimato/core";
import type { Runtime, RuntimeOptions } from "./open-runtime";

/**
 * The Intune change watcher of `uslimato serve`: every enabled Intune integration is probed each interval (default
 * 2 min, at most 3 requests a round, from the connector's request budget), a change starts a sync with trigger
 * `watch`. Integrations created or enabled while serving are watched too; disabled or deleted ones are dropped by
 * the watcher itself. Give it the tracked hub, so a shutdown lets its syncs finish.
 */
export async function watchIntune(
  hub: Hub,
  runtime: Runtime,
  options: RuntimeOptions["intuneWatcher"] = {},
  logger?: Logger,
): Promise<IntuneWatcher> {
  const watcher = createIntuneWatcher({
    hub,
    connector: runtime.intuneConnectorOptions,
    ...options,
    ...(logger ? { logger } : {}),
  });
  const unsubscribe = hub.onIntegrationEvent(async (event) => {
    if (event.connectorId !== "intune" || (event.type !== "created" && event.type !== "enabled")) return;
    const integration = await hub.integrations.get(event.integrationId);
    if (integration.enabled) await watcher.ensure(integration.id);
  });
  await watcher.load();
  return {
    ...watcher,
    close: () => {
      unsubscribe();
      return watcher.close();
    },
  };
}
