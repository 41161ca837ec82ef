import type { AnyConnector, Hub } from "@uslimato/core";
import type { WebHandler } from "@uslimato/core/webhooks";

/** What `stop()` found: whether every running sync finished in time, and how many were aborted. */
export interface StopReport {
  drained: boolean;
  /** Syncs aborted at the timeout; each ended `failed` (`SYNC_ABORTED`) with its checkpoint kept. */
  aborted: number;
}

/** The lifecycle of an {@link InterfaceHub}. */
export type InterfaceHubState = "created" | "starting" | "running" | "stopping" | "stopped";

/** What `createInterfaceHub` returns: the hub, one webhook handler, and one switch for everything in the background. */
export interface InterfaceHub<C extends AnyConnector = AnyConnector> {
  /**
   * The hub (integrations, test connection, sync now, logs, audit). Syncs started through it, by the scheduler
   * or by notifications are drained by {@link InterfaceHub.stop}.
   */
  readonly hub: Hub<C>;
  /**
   * Every connector's notification receiver under one web-standard handler: `<path>/<connector id>` (e.g.
   * `/webhooks/entra`). Mount it with an adapter from `@uslimato/core/webhooks`. Answers 503 (retry later)
   * before `start()` and from `stop()` on, 404 for a connector without a receiver.
   */
  readonly handler: WebHandler;
  /** The public URL of each connector's receiver, by connector id (those with a receiver). */
  readonly notificationUrls: Readonly<Record<string, string>>;
  /** Checks the key ring against stored secrets, starts background services, then the scheduler. */
  start(): Promise<void>;
  /**
   * Stops taking work (notifications get 503, new syncs are refused), lets running syncs finish for up to
   * `timeoutMs` (default the `drainTimeoutMs` option, 30 s), then aborts them: an aborted run ends `failed` at a
   * page boundary with its checkpoint kept, so no run is left half-applied and the next one resumes. The
   * storage stays open (the host closes it).
   */
  stop(options?: { timeoutMs?: number }): Promise<StopReport>;
  readonly state: InterfaceHubState;
}
