import { clientModule } from "../clients/client-module";
import type { BenchRow } from "../report/bench-row";
import { caseRows } from "../report/case-rows";
import { ratioRow } from "../report/ratio-row";
import type { Measurement } from "../runner/measurement";
import { type BenchCase, runRounds } from "../runner/run-rounds";
import { GRAPH_SERVER, startSimulator } from "../simulator/start-simulator";
import { checkGoal } from "./check-goal";
import type { GoalCheck, Suite } from "./suite";

const ID = "9 latency";

/** The limit of a run, pages x Graph's latency, over its wall time (1.0 = every other cost hidden). */
function vsLimit(runs: ReadonlyArray<Measurement>, delayMs: number, incremental = false): number[] {
  return runs.map((m) =>
    incremental
      ? ((m.result.deltaPages ?? Number.NaN) * delayMs) / (m.result.deltaWallMs ?? Number.NaN)
      : ((m.result.pages ?? Number.NaN) * delayMs) / m.wallMs,
  );
}

const speed = (runs: ReadonlyArray<Measurement>) => runs.map((m) => 1 / m.wallMs);

/**
 * Suite 9: Graph's latency. The simulator answers each users page `--delay` ms late (300 by default, 100 with
 * --quick) for a 30,000-user tenant (31 pages; 10,000 with --quick). Cases: the hand-written loop (fetch,
 * JSON.parse, one upsert per page) into SQLite and into PostgreSQL, and the SDK's full sync into each; the SQLite
 * sync is followed by an incremental run after every user changed (as many pages again). Goals: each SDK run
 * takes at most pages x delay + one page's work (>= 0.98 of that limit) and beats the hand-written loop.
 */
export const latencySuite: Suite = {
  id: ID,
  title: "Full and incremental sync behind Graph's latency",
  async run({ quick, runs, warmups, log, delayMs }) {
    const n = quick ? 10_000 : 30_000;
    const sim = await startSimulator(n, { delayMs });
    try {
      const plain = (sink: string): BenchCase["task"] => ({
        module: clientModule("plain-loop"),
        exportName: "plainLoop",
        input: { ...sim.input, sink },
      });
      const sync = (storage: string, extra: object = {}): BenchCase["task"] => ({
        module: clientModule("entra-sync"),
        exportName: "entraSync",
        input: { ...sim.input, storage, ...extra },
      });
      const cases: BenchCase[] = [
        { name: "plain loop (SQLite)", n, task: plain("sqlite") },
        { name: "uslimato sync (SQLite)", n, task: sync("sqlite", { delta: { percent: 100 } }) },
        { name: "plain loop (PostgreSQL)", n, task: plain("postgres") },
        { name: "uslimato sync (PostgreSQL)", n, task: sync("postgres") },
      ];
      for (const c of cases) c.env = sim.env;
      const measured = await runRounds(cases, { runs, warmups, log });
      const rows: BenchRow[] = cases.flatMap((c, i) => caseRows(ID, c.name, n, measured[i] ?? []));
      const [plainSqlite = [], syncSqlite = [], plainPg = [], syncPg = []] = measured;
      const goals: GoalCheck[] = [];
      const at = `at ${n} users, ${delayMs} ms a page`;
      const limitRow = (name: string, values: number[]) => {
        const row = ratioRow(
          ID,
          name,
          n,
          "vs limit",
          values,
          values.map(() => 1),
        );
        rows.push(row);
        return row;
      };
      if (delayMs > 0) {
        limitRow("plain loop (SQLite)", vsLimit(plainSqlite, delayMs));
        limitRow("plain loop (PostgreSQL)", vsLimit(plainPg, delayMs));
        for (const [name, values] of [
          ["uslimato sync (SQLite)", vsLimit(syncSqlite, delayMs)],
          ["uslimato incremental (SQLite)", vsLimit(syncSqlite, delayMs, true)],
          ["uslimato sync (PostgreSQL)", vsLimit(syncPg, delayMs)],
        ] as const) {
          const row = limitRow(name, values);
          goals.push(
            checkGoal(
              `${name.replace("uslimato ", "")} vs pages x delay ${at}`,
              row.value,
              0.98,
              "atLeast",
              "x",
            ),
          );
        }
      }
      for (const [name, sdk, base] of [
        ["uslimato sync (SQLite)", syncSqlite, plainSqlite],
        ["uslimato sync (PostgreSQL)", syncPg, plainPg],
      ] as const) {
        const row = ratioRow(ID, name, n, "vs plain loop", speed(sdk), speed(base));
        rows.push(row);
        goals.push(
          checkGoal(
            `${name.replace("uslimato ", "")} vs the plain loop ${at}`,
            row.value,
            1.0,
            "atLeast",
            "x",
          ),
        );
      }
      return { rows, goals, notes: [`Graph server: ${GRAPH_SERVER}`] };
    } finally {
      await sim.close();
    }
  },
};
