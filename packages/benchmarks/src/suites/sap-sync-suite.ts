import { clientModule } from "../clients/client-module";
import type { SapClientInput } from "../clients/sap-floor-loop";
import type { BenchRow } from "../report/bench-row";
import { caseRows } from "../report/case-rows";
import { ratioRow } from "../report/ratio-row";
import { spreadOf } from "../runner/median";
import { type BenchCase, runRounds } from "../runner/run-rounds";
import { throughputs } from "../runner/throughputs";
import { startSapSimulator } from "../simulator/start-sap-simulator";
import { checkGoal } from "./check-goal";
import type { GoalCheck, Suite } from "./suite";

const ID = "11 SAP sync";
const PAGE_SIZE = 1000;

/**
 * Suite 9: a first SAP sync of 100,000 equipment (5,000 with --quick) through the real connector, mapping,
 * reconciliation and checkpoints into the memory adapter, beside a hand-written fetch + JSON.parse + Map OData
 * loop with the same requests (current segments, keyset paging, same page size), both against the same SAP
 * simulator process. Goal: sync >= 0.9x the hand-written loop.
 */
export const sapSyncSuite: Suite = {
  id: ID,
  title: "SAP first sync vs a hand-written OData loop",
  async run({ quick, runs, warmups, log }) {
    const n = quick ? 5_000 : 100_000;
    const rows: BenchRow[] = [];
    const goals: GoalCheck[] = [];
    const sim = await startSapSimulator(n);
    try {
      const input: SapClientInput = {
        url: sim.url,
        username: sim.username,
        password: sim.password,
        sapClient: sim.sapClient,
        pageSize: PAGE_SIZE,
        today: new Date().toISOString().slice(0, 10),
      };
      const cases: BenchCase[] = [
        {
          name: "hand-written OData loop",
          n,
          task: { module: clientModule("sap-floor-loop"), exportName: "sapFloorLoop", input },
        },
        {
          name: "uslimato SAP sync (memory)",
          n,
          task: { module: clientModule("sap-sync"), exportName: "sapSync", input },
        },
      ];
      const measured = await runRounds(cases, { runs, warmups, log });
      for (const [i, c] of cases.entries()) rows.push(...caseRows(ID, c.name, n, measured[i] ?? []));
      const counts = measured.map((m) => m.map((x) => x.result.count));
      const [floor = [], sync = []] = measured.map(throughputs);
      const vsFloor = ratioRow(ID, "uslimato SAP sync (memory)", n, "vs hand-written loop", sync, floor);
      rows.push(vsFloor);
      goals.push(
        checkGoal(`SAP sync vs hand-written loop at ${n} equipment`, vsFloor.value, 0.9, "atLeast", "x"),
      );
      log(
        `  hand-written loop median ${spreadOf(floor).median.toFixed(0)} equipment/s; counts ${JSON.stringify(counts)}`,
      );
    } finally {
      await sim.close();
    }
    return {
      rows,
      goals,
      notes: [
        `SAP server: @uslimato/simulators (own process, plain http on the loopback), pages of ${PAGE_SIZE}, keyset paging in both loops`,
      ],
    };
  },
};
