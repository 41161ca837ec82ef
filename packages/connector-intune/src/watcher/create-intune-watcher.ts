import type { Hub } from "@uslimato/core";
import { isUslimatoError, type Logger, noopLogger } from "@uslimato/core/connector";
import { createDebouncer } from "@uslimato/msgraph";
import { openIntuneGraph } from "../graph/open-intune-graph";
import { INTUNE_CONNECTOR_ID } from "../intune-connector-id";
import type { IntuneConnectorOptions } from "../intune-connector-options";
import { SWEEP_REQUEST } from "../read/sweep-history-state";
import type { IntuneSettings } from "../settings/intune-settings";
import type { IntuneWatchTiming } from "./intune-watch-timing";
import { type ProbeState, probeIntune } from "./probe-intune";

/** The shortest interval the watcher accepts by default: 30 s. */
export const MIN_WATCH_INTERVAL_MS = 30_000;

/** Options of {@link createIntuneWatcher}. */
export interface IntuneWatcherOptions extends IntuneWatchTiming {
  hub: Hub;
  /** The same options the connector was created with (budgets, fetch, retries, clock), so both share one budget. */
  connector?: IntuneConnectorOptions;
  logger?: Logger;
}

/** What the watcher did for one integration. */
export interface WatchStats {
  /** Rounds of probes. */
  probes: number;
  /** Requests the probes made (at most 3 per round, retries not counted). */
  requests: number;
  /** Syncs the watcher asked for. */
  syncs: number;
}

/** A change watcher for Intune integrations (Intune has no change notifications). */
export interface IntuneWatcher {
  /** Starts watching an integration (again: resets its probes to now). */
  ensure(integrationId: string): Promise<void>;
  /** Stops watching an integration (also done on disable and delete). */
  remove(integrationId: string): Promise<void>;
  /** Watches every enabled Intune integration (after a restart, on the instance that should poll). */
  load(): Promise<void>;
  /**
   * Something changed that the host learned elsewhere (an Event Hub, Intune diagnostic settings): a debounced
   * incremental sync, or a sweep with `{ sweep: true }` (a removal).
   */
  nudge(integrationId: string, options?: { reason?: string; sweep?: boolean }): Promise<void>;
  /** What the watcher did for an integration so far. */
  stats(integrationId: string): WatchStats;
  /** Resolves when no probe is running and no debounced or running watch-triggered sync is left. */
  idle(): Promise<void>;
  /** Stops every timer and cancels debounced syncs; settles once running probes and syncs have finished. */
  close(): Promise<void>;
}

interface Watched {
  timer: ReturnType<typeof setInterval>;
  state: ProbeState;
  probing?: Promise<void>;
  stats: WatchStats;
}

/**
 * Near-real-time for Intune by polling, honestly: every interval (default 2 min, at least 30 s) a round of cheap
 * probes per integration — devices that checked in since the last round, and opt-in Entra `/devices/delta` and
 * Intune audit events — at most 3 requests, drawn from the same client-side budget as the sweeps. Check-ins
 * start one debounced incremental sync (trigger `watch`, with the reason); removals and server-side changes the
 * incremental read cannot see start a sweep. Shaped like the Entra webhooks helper.
 *
 * @example
 * ```ts
 * const watcher = createIntuneWatcher({ hub, connector: connectorOptions });
 * await watcher.load();
 * process.on("SIGTERM", () => void watcher.close());
 * ```
 */
export function createIntuneWatcher(options: IntuneWatcherOptions): IntuneWatcher {
  const { hub } = options;
  const logger = options.logger ?? noopLogger;
  const connector = options.connector ?? {};
  const clock = connector.clock ?? (() => new Date());
  const intervalMs = Math.max(options.minIntervalMs ?? MIN_WATCH_INTERVAL_MS, options.intervalMs ?? 120_000);
  const watched = new Map<string, Watched>();
  const reasons = new Map<string, Set<string>>();
  const stats = new Map<string, WatchStats>();
  let closed = false;

  const statsOf = (id: string): WatchStats => {
    let s = stats.get(id);
    if (!s) {
      s = { probes: 0, requests: 0, syncs: 0 };
      stats.set(id, s);
    }
    return s;
  };

  const debouncer = createDebouncer({
    waitMs: options.debounceMs ?? 2000,
    maxWaitMs: options.maxWaitMs ?? 30_000,
    run: async (integrationId) => {
      const why = [...(reasons.get(integrationId) ?? [])].join("; ");
      reasons.delete(integrationId);
      try {
        statsOf(integrationId).syncs++;
        await hub.syncNow(integrationId, {
          trigger: "watch",
          reason: why || "change watcher",
          actor: { type: "watcher", id: "intune-watcher" },
        });
      } catch (error) {
        if (isUslimatoError(error, "SYNC_ALREADY_RUNNING")) {
          reasons.set(integrationId, new Set([why]));
          debouncer.notify(integrationId);
          return;
        }
        throw error;
      }
    },
    onError: (integrationId, error) =>
      logger.error({ integrationId, err: error }, "watch-triggered sync failed"),
  });

  const requestSync = async (integrationId: string, reason: string, sweep: boolean) => {
    if (closed) return;
    if (sweep) await hub.withConnectorContext(integrationId, (ctx) => ctx.state.put(SWEEP_REQUEST, reason));
    const set = reasons.get(integrationId) ?? new Set<string>();
    set.add(reason);
    reasons.set(integrationId, set);
    debouncer.notify(integrationId);
  };

  const probe = async (integrationId: string, entry: Watched) => {
    await hub.withConnectorContext(integrationId, async (ctx) => {
      const intune = ctx as Parameters<typeof openIntuneGraph>[0];
      const { graph } = openIntuneGraph(intune, connector);
      const findings = await probeIntune(graph, intune.settings as IntuneSettings, entry.state, {
        top: options.probeSize ?? 5,
        signal: ctx.signal,
      });
      entry.stats.probes++;
      entry.stats.requests += findings.requests;
      if (findings.sweep) await requestSync(integrationId, findings.sweep, true);
      else if (findings.incremental) await requestSync(integrationId, findings.incremental, false);
    });
  };

  const tick = (integrationId: string) => {
    const entry = watched.get(integrationId);
    if (!entry || entry.probing || closed) return;
    entry.probing = probe(integrationId, entry)
      .catch((error: unknown) => logger.warn({ integrationId, err: error }, "intune watcher probe failed"))
      .finally(() => {
        entry.probing = undefined;
      });
  };

  const unsubscribe = hub.onIntegrationEvent(async (event) => {
    if (event.connectorId !== INTUNE_CONNECTOR_ID) return;
    if (event.type === "disabled" || event.type === "deleting") await watcher.remove(event.integrationId);
  });

  const watcher: IntuneWatcher = {
    async ensure(integrationId) {
      const integration = await hub.integrations.get(integrationId);
      if (integration.connectorId !== INTUNE_CONNECTOR_ID)
        throw new TypeError(`Integration ${integrationId} is not an Intune integration`);
      await watcher.remove(integrationId);
      if (closed) return;
      // Both probes reach back by the clock skew: Intune stamps check-ins and audit events with its own clock, and
      // an event stamped in the same millisecond as this call (or by a clock behind ours) must still be news.
      const since = clock().getTime() - (connector.clockSkewMs ?? 60_000);
      const entry: Watched = {
        timer: setInterval(() => tick(integrationId), intervalMs),
        state: { since, auditSince: since },
        stats: statsOf(integrationId),
      };
      watched.set(integrationId, entry);
    },
    async remove(integrationId) {
      const entry = watched.get(integrationId);
      if (!entry) return;
      clearInterval(entry.timer);
      watched.delete(integrationId);
      await entry.probing;
    },
    async load() {
      for (const integration of await hub.integrations.list({
        connectorId: INTUNE_CONNECTOR_ID,
        enabled: true,
      }))
        if (!watched.has(integration.id)) await watcher.ensure(integration.id);
    },
    nudge: (integrationId, { reason, sweep } = {}) =>
      requestSync(
        integrationId,
        reason ?? (sweep ? "host reported a removal" : "host reported a change"),
        sweep === true,
      ),
    stats: (integrationId) => ({ ...statsOf(integrationId) }),
    async idle() {
      for (;;) {
        const probing = [...watched.values()].flatMap((w) => (w.probing ? [w.probing] : []));
        if (probing.length > 0) {
          await Promise.allSettled(probing);
          continue;
        }
        await debouncer.idle();
        if (![...watched.values()].some((w) => w.probing)) return;
      }
    },
    async close() {
      closed = true;
      unsubscribe();
      const probing = [...watched.values()].flatMap((w) => (w.probing ? [w.probing] : []));
      for (const entry of watched.values()) clearInterval(entry.timer);
      watched.clear();
      await Promise.allSettled(probing);
      await debouncer.close();
    },
  };
  return watcher;
}
