import { caseRows } from "../report/case-rows";
import { spreadOf } from "../runner/median";
import { runRounds } from "../runner/run-rounds";
import { BENCH_POSTGRES_URL } from "../sync/bench-storage";
import { checkGoal } from "./check-goal";
import { repoPath } from "./repo-path";
import type { Suite } from "./suite";

const ID = "8 scheduler";
const MODULE = repoPath("packages/scheduler/bench/schedule.bench.ts");

/**
 * Suite 8: computing and enqueuing one slot for 10,000 integrations (one pg-boss pass on PostgreSQL, timed by the
 * scheduler package's `benchScheduling`, beside the in-process computation alone). Goal: < 1 s.
 */
export const schedulerSuite: Suite = {
  id: ID,
  title: "Scheduling one slot for 10,000 integrations",
  async run({ runs, warmups, log }) {
    const n = 10_000;
    const name = "compute + enqueue one slot";
    const input = { integrations: n, connectionString: BENCH_POSTGRES_URL };
    const [results = []] = await runRounds(
      [{ name, n, task: { module: MODULE, exportName: "benchScheduling", input } }],
      { runs, warmups, log },
    );
    const ms = spreadOf(results.map((m) => m.result.pgBossEnqueueMs ?? Number.NaN)).median;
    return {
      rows: caseRows(ID, name, n, results),
      goals: [checkGoal(`computing and enqueuing one slot for ${n} integrations`, ms, 1_000, "below", "ms")],
    };
  },
};
