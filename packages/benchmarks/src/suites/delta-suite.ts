import { clientModule } from "../clients/client-module";
import { caseRows } from "../report/case-rows";
import { ratioRow } from "../report/ratio-row";
import { runRounds } from "../runner/run-rounds";
import { GRAPH_SERVER, startSimulator } from "../simulator/start-simulator";
import { checkGoal } from "./check-goal";
import type { Suite } from "./suite";

const ID = "3 delta";

/**
 * Suite 3: on a 100k tenant (10k with --quick), a full sync, then 1% of users change in the simulator, then an
 * incremental sync, in one child process. Goal: the incremental sync takes <= 5% of the full sync's wall time.
 */
export const deltaSuite: Suite = {
  id: ID,
  title: "Incremental sync after 1% of users changed",
  async run({ quick, runs, warmups, log }) {
    const n = quick ? 10_000 : 100_000;
    const sim = await startSimulator(n);
    try {
      const name = "full, then 1% changed";
      const input = { ...sim.input, storage: "memory", delta: { percent: 1 } };
      const [results = []] = await runRounds(
        [
          {
            name,
            n,
            env: sim.env,
            task: { module: clientModule("entra-sync"), exportName: "entraSync", input },
          },
        ],
        { runs, warmups, log },
      );
      const share = ratioRow(
        ID,
        name,
        n,
        "delta / full wall",
        results.map((m) => (m.result.deltaWallMs ?? Number.NaN) * 100),
        results.map((m) => m.wallMs),
      );
      share.unit = "%";
      return {
        rows: [...caseRows(ID, name, n, results), share],
        goals: [checkGoal(`incremental vs full sync at ${n} users`, share.value, 5, "atMost", "%")],
        notes: [`Graph server: ${GRAPH_SERVER}`],
      };
    } finally {
      await sim.close();
    }
  },
};
