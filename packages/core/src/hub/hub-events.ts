import type { Logger } from "../logging/logger";
import type { SyncLog, SyncMode, SyncTrigger } from "../sync-log/sync-log";

/** What every sync event says about its run. */
export interface SyncEventBase {
  integrationId: string;
  tenantId: string;
  connectorId: string;
  /** The id of the run's sync log. */
  syncId: string;
  trigger: SyncTrigger;
}

/** A run took its integration's lock and wrote its `running` sync log. */
export interface SyncStartedEvent extends SyncEventBase {
  type: "syncStarted";
  mode: SyncMode;
  startedAt: Date;
}

/**
 * A run ended (every `syncStarted` is followed by one). `log` is the finished sync log; when the run could not
 * even write it (the storage failed), it is the log as the hub last knew it, `failed` with the error's code.
 */
export interface SyncFinishedEvent extends SyncEventBase {
  type: "syncFinished";
  log: SyncLog;
}

/** The hub's events by name. */
export interface HubEventMap {
  syncStarted: SyncStartedEvent;
  syncFinished: SyncFinishedEvent;
}

/** A listener of one hub event. Its errors (thrown or rejected) are logged and never reach the sync. */
export type HubEventListener<E extends keyof HubEventMap> = (event: HubEventMap[E]) => void | Promise<void>;

/** Listeners of the hub's events, and how they are called. */
export interface HubEvents {
  on<E extends keyof HubEventMap>(type: E, listener: HubEventListener<E>): () => void;
  /** Calls every listener of the event's type without waiting for it; a failing listener is logged. */
  emit<E extends keyof HubEventMap>(event: HubEventMap[E] & { type: E }): void;
}

/** Creates the hub's event listeners; listener failures go to `logger` as warnings. */
export function createHubEvents(logger: Logger): HubEvents {
  const listeners = new Map<keyof HubEventMap, Set<(event: never) => void | Promise<void>>>();
  const report = (type: string, error: unknown) =>
    logger.warn({ err: error, event: type }, "a hub event listener failed");
  return {
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      const entry = listener as (event: never) => void | Promise<void>;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(event) {
      for (const listener of [...(listeners.get(event.type) ?? [])]) {
        try {
          const result = (listener as (e: typeof event) => unknown)(event);
          if (result instanceof Promise) result.catch((error: unknown) => report(event.type, error));
        } catch (error) {
          report(event.type, error);
        }
      }
    },
  };
}
