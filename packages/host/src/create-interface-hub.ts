import {
  type AnyConnector,
  type BackgroundService,
  ConfigError,
  CoreError,
  createHub,
  createRedactingLogger,
  createTelemetry,
  type Hub,
  noopLogger,
} from "@uslimato/core";
import type { WebHandler } from "@uslimato/core/webhooks";
import { type CredentialStore, createCredentialStore } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { trackSyncs } from "./drain/track-syncs";
import type { InterfaceHub, InterfaceHubState, StopReport } from "./interface-hub";
import type { InterfaceHubOptions } from "./interface-hub-options";
import { type HostScheduler, openScheduler } from "./scheduling/open-scheduler";
import { notificationUrl } from "./webhooks/notification-url";
import { routeWebhooks } from "./webhooks/route-webhooks";

const DRAIN_MS = 30_000;

/**
 * Composes what every host repeats: the hub over its connectors, storage and key ring; scheduled syncs
 * (in-process, or pg-boss for many instances); each connector's background service (Entra's change-notification
 * subscriptions and their renewal, a change watcher) with its receiver mounted under one web-standard handler;
 * and one `stop` that drains them all.
 *
 * @example
 * ```ts
 * const app = createInterfaceHub({
 *   connectors: [createEntraConnector()],
 *   storage,
 *   keyRing: keyRingFromEnv(process.env.USLIMATO_KEYS ?? ""),
 *   plan: "enterprise",
 *   webhooks: { publicUrl: "https://hub.example.com", path: "/webhooks" },
 * });
 * express().post("/webhooks/:connector", toExpressHandler(app.handler)).listen(8080);
 * await app.start();
 * ```
 */
export function createInterfaceHub<const C extends AnyConnector>(
  options: InterfaceHubOptions<C>,
): InterfaceHub<C> {
  const {
    keyRing,
    vault: givenVault,
    scheduler: schedulerChoice = "in-process",
    webhooks,
    services = [],
  } = options;
  if ((keyRing === undefined) === (givenVault === undefined))
    throw new ConfigError("Interface Hub options", [
      { path: ["keyRing"], code: "required", message: "give exactly one of keyRing and vault" },
    ]);
  const store: CredentialStore | undefined = keyRing ? createCredentialStore({ keyRing }) : undefined;
  const logger = createRedactingLogger(options.logger ?? noopLogger);
  const { drainTimeoutMs, ...hubOptions } = options;
  const hub: Hub<C> = createHub({
    ...hubOptions,
    vault: store ?? givenVault!,
    mapping: options.mapping ?? fieldMappingEngine(),
  });
  const tracker = trackSyncs(hub);
  const planOption = options.plan ?? "enterprise";
  const plan = typeof planOption === "function" ? planOption : () => planOption;

  const path = webhooks?.path ?? "/webhooks";
  const urls: Record<string, string> = {};
  const receivers = new Map<string, WebHandler>();
  let state: InterfaceHubState = "created";
  let running: BackgroundService[] = [];
  let scheduler: HostScheduler | undefined;
  let unsubscribe: (() => void) | undefined;

  const start = async () => {
    if (state !== "created")
      throw new CoreError("CONFIG_INVALID", `The Interface Hub starts once; it is ${state}`, {
        details: { state },
      });
    state = "starting";
    // A key ring that cannot open what is stored fails here, naming the key ids, not at the first sync.
    await store?.verifyStoredSecrets(options.storage.secrets);
    const factories = [
      ...hub.connectors().flatMap((c) => (c.background ? [{ id: c.id, factory: c.background }] : [])),
      ...services.map((factory, i) => ({ id: `service-${i + 1}`, factory })),
    ];
    for (const { id, factory } of factories) {
      const url = webhooks ? notificationUrl(webhooks.publicUrl, path, id) : undefined;
      const service = factory({
        hub: tracker.hub,
        logger: logger.child?.({ background: id }) ?? logger,
        notificationUrl: url,
        subscribe: webhooks?.subscribe ?? true,
      });
      if (service.handler && url) {
        receivers.set(id, service.handler);
        urls[id] = url;
      }
      running.push(service);
    }
    // Open before the services start: a subscription's validation handshake arrives while it is being made.
    state = "running";
    try {
      for (const service of running) await service.start();
      scheduler = await openScheduler({
        choice: schedulerChoice,
        hub: tracker.hub,
        plan,
        planTable: options.plans,
        logger,
      });
      await scheduler?.start();
      unsubscribe = hub.onIntegrationEvent((event) => {
        if (event.type === "deleting") return;
        void scheduler
          ?.refresh(event.integrationId)
          .catch((error: unknown) =>
            logger.error({ integrationId: event.integrationId, err: error }, "reschedule failed"),
          );
      });
    } catch (error) {
      await stop({ timeoutMs: 0 });
      throw error;
    }
  };

  const stop = async ({
    timeoutMs = drainTimeoutMs ?? DRAIN_MS,
  }: {
    timeoutMs?: number;
  } = {}): Promise<StopReport> => {
    if (state === "stopped" || state === "created") {
      state = "stopped";
      return { drained: true, aborted: 0 };
    }
    state = "stopping";
    unsubscribe?.();
    const [, aborted] = await Promise.all([
      scheduler?.stop(timeoutMs),
      tracker.drain(timeoutMs),
      Promise.allSettled(running.map((s) => s.stop())),
    ]);
    running = [];
    state = "stopped";
    if (aborted > 0) logger.warn({ aborted }, "syncs still running at the stop timeout were aborted");
    return { drained: aborted === 0, aborted };
  };

  return {
    hub: tracker.hub,
    handler: routeWebhooks(receivers, () => state === "running", createTelemetry(options.telemetry)),
    notificationUrls: urls,
    start,
    stop,
    get state() {
      return state;
    },
  };
}
