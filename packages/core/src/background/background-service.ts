import type { Hub } from "../hub/hub";
import type { Logger } from "../logging/logger";
import type { WebHandler } from "../webhooks/web-handler";

/** What a connector's background service receives from the composition that runs it. */
export interface BackgroundContext {
  /**
   * The hub. Syncs started through it are tracked: a graceful stop lets them finish, and aborts them at its
   * timeout (each ends `failed` with its checkpoint kept, so the next run resumes).
   */
  hub: Hub;
  logger: Logger;
  /**
   * The public URL where this connector's {@link BackgroundService.handler} is reached (e.g.
   * `https://hub.example.com/webhooks/entra`), or `undefined` when the host receives no notifications.
   */
  notificationUrl: string | undefined;
  /** Whether to create change-notification subscriptions for enabled integrations (default true). */
  subscribe: boolean;
}

/**
 * Work a connector does in the background of a host, outside syncs: webhook subscriptions and their renewal
 * (Entra), a change watcher (Intune), an event listener (SAP). The composition (`createInterfaceHub` in
 * `@uslimato/host`) starts it, mounts its receiver under one handler, and stops it.
 */
export interface BackgroundService {
  /** A web-standard receiver for this connector's notifications, mounted at `<webhooks path>/<connector id>`. */
  handler?: WebHandler;
  /** Starts listening, watching, renewing. */
  start(): Promise<void>;
  /**
   * Stops taking work (timers, listeners, debounced syncs not started yet) and resolves once the work it started
   * has settled. Syncs it started through the context's hub are aborted by the composition at its timeout.
   */
  stop(): Promise<void>;
}

/** How a connector contributes its background service: `Connector.background`. */
export type BackgroundServiceFactory = (context: BackgroundContext) => BackgroundService;
