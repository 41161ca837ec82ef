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

const ID = "1 full sync";

/**
 * Suite 1: a full Entra sync through the real connector, mapping, reconciliation and checkpoints into the memory
 * adapter, beside the floor loop, the pipelined floor and the Graph SDK PageIterator loop, all against the same
 * simulator process. Goals: sync >= 1.0x the floor and >= 1.1x the Graph SDK way.
 */
export const entraSyncSuite: Suite = {
  id: ID,
  title: "Full sync vs the floor loop and the Graph SDK",
  async run({ quick, runs, warmups, log }) {
    const sizes = quick ? [10_000] : [100_000, 1_000_000];
    const rows: BenchRow[] = [];
    const goals: GoalCheck[] = [];
    const notes: string[] = [];
    for (const n of sizes) {
      const sim = await startSimulator(n);
      notes.push(`Graph server: ${GRAPH_SERVER}`);
      try {
        const input = sim.input;
        const syncInput = { ...sim.input, storage: "memory" };
        const cases: BenchCase[] = [
          {
            name: "floor loop",
            n,
            task: { module: clientModule("floor-loop"), exportName: "floorLoop", input },
          },
          {
            name: "pipelined floor",
            n,
            task: { module: clientModule("pipelined-floor"), exportName: "pipelinedFloor", input },
          },
          {
            name: "Graph SDK PageIterator",
            n,
            task: { module: clientModule("graph-sdk-loop"), exportName: "graphSdkLoop", input },
          },
          {
            name: "uslimato sync (memory)",
            n,
            task: { module: clientModule("entra-sync"), exportName: "entraSync", input: syncInput },
          },
        ];
        for (const c of cases) c.env = sim.env;
        const measured = await runRounds(cases, { runs, warmups, log });
        for (const [i, c] of cases.entries()) rows.push(...caseRows(ID, c.name, n, measured[i] ?? []));
        const [floor = [], pipelined = [], sdk = [], sync = []] = measured.map(throughputs);
        const ratio = (name: string, of: string, values: number[], base: number[]) =>
          ratioRow(ID, name, n, `vs ${of}`, values, base);
        const vsFloor = ratio("uslimato sync (memory)", "floor", sync, floor);
        const vsSdk = ratio("uslimato sync (memory)", "Graph SDK", sync, sdk);
        rows.push(
          ratio("pipelined floor", "floor", pipelined, floor),
          ratio("Graph SDK PageIterator", "floor", sdk, floor),
          vsFloor,
          vsSdk,
        );
        goals.push(checkGoal(`sync vs floor at ${n} users`, vsFloor.value, 1.0, "atLeast", "x"));
        goals.push(checkGoal(`sync vs Graph SDK at ${n} users`, vsSdk.value, 1.1, "atLeast", "x"));
        log(`  floor median ${spreadOf(floor).median.toFixed(0)} users/s at ${n}`);
      } finally {
        await sim.close();
      }
    }
    return { rows, goals, notes };
  },
};
