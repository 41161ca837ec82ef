import { clientModule } from "../clients/client-module";
import type { BenchRow } from "../report/bench-row";
import { caseRows } from "../report/case-rows";
import { ratioRow } from "../report/ratio-row";
import { spreadOf } from "../runner/median";
import { type BenchCase, runRounds } from "../runner/run-rounds";
import { throughputs } from "../runner/throughputs";
import { GRAPH_SERVER, startSimulator } from "../simulator/start-simulator";
import { checkGoal } from "./check-goal";
import type { GoalCheck, Suite } from "./suite";

const ID = "12 intune";
/** At most 3 requests a round at the default 2-minute interval: 90 an hour. */
const WATCH_BUDGET_PER_HOUR = 90;

/**
 * Suite 9: a full Intune sweep through the hub, the real connector, field mapping, owner resolution and checkpoints
 * into the memory adapter, beside the Intune floor (sequential `fetch` + `JSON.parse` + Map upsert over the same
 * managedDevices listing), against the same simulator process; and the change watcher's requests per hour per
 * integration, from `watcher.stats(id)` over a short run at a short interval, scaled, and at the default interval.
 * Goals: sweep >= 0.9x the floor; <= 90 watcher requests an hour at the default interval.
 */
export const intuneSuite: Suite = {
  id: ID,
  title: "Intune full sweep vs the floor loop, and the change watcher's requests per hour",
  async run({ quick, runs, warmups, log }) {
    const n = quick ? 10_000 : 100_000;
    const rows: BenchRow[] = [];
    const goals: GoalCheck[] = [];
    const sim = await startSimulator(n, { devices: n });
    try {
      const { controlUrl: _control, ...input } = sim.input;
      const cases: BenchCase[] = [
        {
          name: "Intune floor loop",
          n,
          env: sim.env,
          task: { module: clientModule("intune-floor-loop"), exportName: "intuneFloorLoop", input },
        },
        {
          name: "uslimato Intune sweep (memory)",
          n,
          env: sim.env,
          task: { module: clientModule("intune-sweep"), exportName: "intuneSweep", input },
        },
      ];
      const measured = await runRounds(cases, { runs, warmups, log });
      for (const [i, c] of cases.entries())
        rows.push(...caseRows(ID, c.name, n, measured[i] ?? [], "devices/s"));
      const [floor = [], sweep = []] = measured.map(throughputs);
      const vsFloor = ratioRow(ID, "uslimato Intune sweep (memory)", n, "vs floor", sweep, floor);
      rows.push(vsFloor);
      goals.push(checkGoal(`Intune sweep vs floor at ${n} devices`, vsFloor.value, 0.9, "atLeast", "x"));
      log(`  Intune floor median ${spreadOf(floor).median.toFixed(0)} devices/s at ${n}`);

      const intervalMs = quick ? 200 : 250;
      const durationMs = quick ? 2_000 : 5_000;
      const name = `watcher, all probes, every ${intervalMs} ms for ${durationMs / 1000} s`;
      const [watch = []] = await runRounds(
        [
          {
            name,
            n,
            env: sim.env,
            task: {
              module: clientModule("intune-watch-cost"),
              exportName: "intuneWatchCost",
              input: { ...input, intervalMs, durationMs },
            },
          },
        ],
        { runs: 1, warmups: 0, log },
      );
      rows.push(...caseRows(ID, name, n, watch));
      const perHour = spreadOf(watch.map((m) => m.result.requestsPerHourAtDefaultInterval ?? Number.NaN));
      goals.push(
        checkGoal(
          "watcher requests per hour per integration at the default 2-min interval",
          perHour.median,
          WATCH_BUDGET_PER_HOUR,
          "atMost",
          "requests/h",
        ),
      );
    } finally {
      await sim.close();
    }
    return { rows, goals, notes: [`Graph server: ${GRAPH_SERVER}`] };
  },
};
