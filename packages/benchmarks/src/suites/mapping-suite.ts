import type { BenchRow } from "../report/bench-row";
import { ratioRow } from "../report/ratio-row";
import { spreadOf } from "../runner/median";
import { runRounds } from "../runner/run-rounds";
import { repoPath } from "./repo-path";
import type { Suite } from "./suite";

const ID = "4 field mapping";
const MODULE = repoPath("packages/field-mapping/bench/mapping.bench.ts");
const FIGURE = "|recordsPerSecond";

/**
 * Suite 4: the field-mapping engine vs JSONata vs hand-written JS on Entra-like users, through the field-mapping
 * package's `runMappingBench` (which times each case itself); one row per case, plus each case vs JSONata per
 * record and vs hand-written JS, round by round. No goal.
 */
export const mappingSuite: Suite = {
  id: ID,
  title: "Field mapping: engine vs JSONata vs hand-written",
  async run({ quick, runs, warmups, log }) {
    const n = quick ? 5_000 : 100_000;
    const task = { module: MODULE, exportName: "runMappingBench", input: { records: n } };
    const [results = []] = await runRounds([{ name: "runMappingBench", n, task }], { runs, warmups, log });
    const names = Object.keys(results[0]?.result ?? {})
      .filter((k) => k.endsWith(FIGURE))
      .map((k) => k.slice(0, -FIGURE.length));
    const series = (name: string) => results.map((m) => m.result[`${name}${FIGURE}`] ?? Number.NaN);
    const rows: BenchRow[] = names.map((name) => {
      const { median, min, max } = spreadOf(series(name));
      return {
        suite: ID,
        case: name,
        n,
        metric: "throughput",
        value: median,
        unit: "records/s",
        runs: results.length,
        min,
        max,
      };
    });
    const hand = names.find((name) => name.startsWith("hand-written"));
    const jsonata = names.find((name) => name.startsWith("JSONata") && name.includes("per record"));
    for (const name of names.filter((x) => x.startsWith("field-mapping"))) {
      if (jsonata) rows.push(ratioRow(ID, name, n, "vs JSONata per record", series(name), series(jsonata)));
      if (hand) rows.push(ratioRow(ID, name, n, "vs hand-written", series(name), series(hand)));
    }
    return { rows, goals: [] };
  },
};
