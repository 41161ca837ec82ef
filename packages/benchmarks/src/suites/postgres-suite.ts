import { clientModule } from "../clients/client-module";
import type { BenchRow } from "../report/bench-row";
import { caseRows } from "../report/case-rows";
import { ratioRow } from "../report/ratio-row";
import type { Measurement } from "../runner/measurement";
import { type BenchCase, runRounds } from "../runner/run-rounds";
import { GRAPH_SERVER, type RunningSimulator, startSimulator } from "../simulator/start-simulator";
import { checkGoal } from "./check-goal";
import type { GoalCheck, Suite } from "./suite";

const ID = "10 postgres";

const speed = (runs: ReadonlyArray<Measurement>) => runs.map((m) => 1 / m.wallMs);

/**
 * Suite 10: a first sync of 100,000 users (10,000 with --quick) into PostgreSQL beside the hand-written loop
 * (fetch, JSON.parse, one `INSERT ... SELECT FROM unnest(...) ON CONFLICT` per page into an equivalent users
 * table), against the simulator answering at once and with `--delay` ms a page. Goal: the sync >= 0.8x the loop,
 * both ways.
 */
export const postgresSuite: Suite = {
  id: ID,
  title: "First sync into PostgreSQL vs a hand-written unnest upsert loop",
  async run({ quick, runs, warmups, log, delayMs }) {
    const n = quick ? 10_000 : 100_000;
    const delays = delayMs > 0 ? [0, delayMs] : [0];
    const sims: RunningSimulator[] = [];
    try {
      for (const delay of delays) sims.push(await startSimulator(n, { delayMs: delay }));
      const label = (delay: number) => (delay > 0 ? `, ${delay} ms a page` : ", no delay");
      const cases: BenchCase[] = sims.flatMap((sim, i) => [
        {
          name: `plain loop${label(delays[i] ?? 0)}`,
          n,
          env: sim.env,
          task: {
            module: clientModule("plain-loop"),
            exportName: "plainLoop",
            input: { ...sim.input, sink: "postgres" },
          },
        },
        {
          name: `uslimato sync${label(delays[i] ?? 0)}`,
          n,
          env: sim.env,
          task: {
            module: clientModule("entra-sync"),
            exportName: "entraSync",
            input: { ...sim.input, storage: "postgres" },
          },
        },
      ]);
      const measured = await runRounds(cases, { runs, warmups, log });
      const rows: BenchRow[] = cases.flatMap((c, i) => caseRows(ID, c.name, n, measured[i] ?? []));
      const goals: GoalCheck[] = [];
      for (const [i, delay] of delays.entries()) {
        const plain = measured[2 * i] ?? [];
        const sync = measured[2 * i + 1] ?? [];
        const row = ratioRow(
          ID,
          `uslimato sync${label(delay)}`,
          n,
          "vs plain loop",
          speed(sync),
          speed(plain),
        );
        rows.push(row);
        goals.push(
          checkGoal(`sync vs plain loop at ${n} users${label(delay)}`, row.value, 0.8, "atLeast", "x"),
        );
      }
      return { rows, goals, notes: [`Graph server: ${GRAPH_SERVER}`] };
    } finally {
      for (const sim of sims) await sim.close();
    }
  },
};
