import { createIntuneWatcher } from "@uslimato/connector-intune";
import { createSimulatorNetworkClient } from "@uslimato/simulators";
import type { ClientInput } from "./graph-page";
import { intuneHub } from "./intune-hub";

/** Input of {@link intuneWatchCost}. */
export interface WatchCostInput extends ClientInput {
  /** The watcher's interval during the run. */
  intervalMs: number;
  /** How long to watch. */
  durationMs: number;
}

/** The watcher's default interval, for the scaled figure. */
const DEFAULT_INTERVAL_MS = 120_000;
const HOUR_MS = 3_600_000;

/**
 * The change watcher's cost: one Intune integration with every probe switched on (check-ins, Entra
 * `/devices/delta`, audit events: the most a round costs), watched for `durationMs` at a short interval on a quiet
 * tenant. From `watcher.stats(id)`: requests per round, requests per hour at the short interval (scaled from the
 * run), and at the default 2-minute interval.
 */
export async function intuneWatchCost(input: WatchCostInput): Promise<Record<string, number>> {
  const { hub, id } = await intuneHub(input, { watch: { entraDevices: true, auditEvents: true } });
  const watcher = createIntuneWatcher({
    hub,
    connector: { networkClient: createSimulatorNetworkClient({ url: input.url }) },
    intervalMs: input.intervalMs,
    minIntervalMs: 50,
  });
  const started = performance.now();
  await watcher.ensure(id);
  await new Promise((resolve) => setTimeout(resolve, input.durationMs));
  await watcher.close();
  const elapsedMs = performance.now() - started;
  const { probes, requests, syncs } = watcher.stats(id);
  if (probes === 0) throw new Error("the watcher made no round of probes");
  const perRound = requests / probes;
  return {
    rounds: probes,
    requests,
    syncs,
    requestsPerRound: perRound,
    requestsPerHourAtShortInterval: (requests * HOUR_MS) / elapsedMs,
    requestsPerHourAtDefaultInterval: perRound * (HOUR_MS / DEFAULT_INTERVAL_MS),
  };
}
