import type { Hub, SyncCounts, SyncLog, SyncProgress } from "@uslimato/core";

/** What the live event stream says about runs. */
export type SyncStreamEvent =
  | {
      type: "sync-started";
      integrationId: string;
      syncId: string;
      trigger: string;
      mode: string;
      startedAt: Date;
      /** Records the last finished run of the same mode processed: the progress bar's 100 %, or null. */
      expected: number | null;
    }
  | {
      type: "sync-progress";
      integrationId: string;
      syncId: string;
      pages: number;
      counts: SyncCounts;
      elapsedMs: number;
    }
  | { type: "sync-finished"; integrationId: string; syncId: string; log: SyncLog };

/** The hub's sync events as one stream for server-sent events, with the state of the runs going on now. */
export interface SyncEvents {
  subscribe(listener: (event: SyncStreamEvent) => void): () => void;
  /** Feeds a run's progress (from `syncNow`'s `onProgress`). */
  progress(progress: SyncProgress): void;
  /** Loads what the progress bar of the next runs of an integration measures against. */
  prime(integrationId: string): Promise<void>;
  /** The latest event of each run going on now (a new subscriber starts from them). */
  current(): SyncStreamEvent[];
  close(): void;
}

const measured = (log: SyncLog) => log.status === "success" || log.status === "partial";

/** Listens to the hub's `syncStarted` and `syncFinished` events and relays them with the runs' progress. */
export function createSyncEvents(hub: Hub): SyncEvents {
  const listeners = new Set<(event: SyncStreamEvent) => void>();
  const running = new Map<string, SyncStreamEvent>();
  const expected = new Map<string, number>();
  const emit = (event: SyncStreamEvent) => {
    if (event.type === "sync-finished") running.delete(event.syncId);
    else running.set(event.syncId, event);
    for (const listener of [...listeners]) listener(event);
  };
  const offs = [
    hub.on("syncStarted", (e) =>
      emit({
        type: "sync-started",
        integrationId: e.integrationId,
        syncId: e.syncId,
        trigger: e.trigger,
        mode: e.mode,
        startedAt: e.startedAt,
        expected: expected.get(`${e.integrationId}:${e.mode}`) ?? null,
      }),
    ),
    hub.on("syncFinished", (e) => {
      if (measured(e.log)) expected.set(`${e.integrationId}:${e.log.mode}`, e.log.counts.processed);
      emit({ type: "sync-finished", integrationId: e.integrationId, syncId: e.syncId, log: e.log });
    }),
  ];
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    progress: (p) =>
      emit({
        type: "sync-progress",
        integrationId: p.integrationId,
        syncId: p.syncId,
        pages: p.pages,
        counts: { ...p.counts },
        elapsedMs: p.elapsedMs,
      }),
    async prime(integrationId) {
      for (const log of (await hub.syncLogs(integrationId, { limit: 50 })).reverse())
        if (measured(log)) expected.set(`${integrationId}:${log.mode}`, log.counts.processed);
    },
    current: () => [...running.values()],
    close() {
      for (const off of offs) off();
      listeners.clear();
    },
  };
}
