import { clientModule } from "../clients/client-module";
import type { BenchRow } from "../report/bench-row";
import { caseRows } from "../report/case-rows";
import { spreadOf } from "../runner/median";
import { type BenchCase, runRounds } from "../runner/run-rounds";
import { GRAPH_SERVER, type RunningSimulator, startSimulator } from "../simulator/start-simulator";
import { checkGoal } from "./check-goal";
import type { GoalCheck, Suite } from "./suite";

const ID = "2 memory";
const MB = 1_000_000;

/**
 * Suite 2: peak RSS of a full sync into a storage adapter that keeps nothing, at growing tenant sizes, beside a
 * floor loop that keeps nothing. Goal: the sync's peak RSS grows less than 50 MB from the smallest size to the
 * largest (10k -> 1M; 1k -> 10k with --quick).
 */
export const memorySuite: Suite = {
  id: ID,
  title: "Peak RSS of a sync that keeps nothing",
  async run({ quick, runs, warmups, log }) {
    const sizes = quick ? [1_000, 10_000] : [10_000, 100_000, 1_000_000];
    const sims: RunningSimulator[] = [];
    try {
      for (const n of sizes) sims.push(await startSimulator(n));
      const kinds = [
        {
          name: "floor, keeps nothing",
          module: "floor-loop",
          exportName: "floorLoop",
          extra: { keep: false },
        },
        {
          name: "sync, keep-nothing adapter",
          module: "entra-sync",
          exportName: "entraSync",
          extra: { storage: "keep-nothing" },
        },
      ];
      const cases: BenchCase[] = kinds.flatMap((k) =>
        sims.map((sim) => ({
          name: k.name,
          n: sim.users,
          env: sim.env,
          task: {
            module: clientModule(k.module),
            exportName: k.exportName,
            input: { ...sim.input, ...k.extra },
          },
        })),
      );
      const measured = await runRounds(cases, { runs, warmups, log });
      const rows: BenchRow[] = cases.flatMap((c, i) => caseRows(ID, c.name, c.n, measured[i] ?? []));
      const goals: GoalCheck[] = [];
      const small = sizes[0] ?? 0;
      const large = sizes[sizes.length - 1] ?? 0;
      const growthOf = new Map<string, number>();
      for (const [k, kind] of kinds.entries()) {
        const first = measured[k * sizes.length] ?? [];
        const last = measured[k * sizes.length + sizes.length - 1] ?? [];
        const growth = last.map((m, r) => (m.peakRssBytes - (first[r]?.peakRssBytes ?? Number.NaN)) / MB);
        const { median, min, max } = spreadOf(growth);
        rows.push({
          suite: ID,
          case: kind.name,
          n: large,
          metric: `RSS growth from ${small.toLocaleString("en-US")}`,
          value: median,
          unit: "MB",
          runs: growth.length,
          min,
          max,
        });
        growthOf.set(kind.module, median);
      }
      const syncGrowth = growthOf.get("entra-sync");
      const floorGrowth = growthOf.get("floor-loop");
      if (syncGrowth !== undefined && floorGrowth !== undefined) {
        // The goal: the sync's growth no larger than the floor's that keeps nothing, in the same run; 50 MB stretch.
        goals.push(
          checkGoal(
            `peak RSS growth ${small} -> ${large} users vs the floor that keeps nothing`,
            syncGrowth,
            floorGrowth,
            "atMost",
            "MB",
          ),
        );
        goals.push(
          checkGoal(`peak RSS growth ${small} -> ${large} users (stretch)`, syncGrowth, 50, "below", "MB"),
        );
      }
      return { rows, goals, notes: [`Graph server: ${GRAPH_SERVER}`] };
    } finally {
      for (const sim of sims) await sim.close();
    }
  },
};
