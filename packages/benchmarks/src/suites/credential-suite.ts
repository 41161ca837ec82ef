import { caseRows } from "../report/case-rows";
import { spreadOf } from "../runner/median";
import { runRounds } from "../runner/run-rounds";
import { checkGoal } from "./check-goal";
import { repoPath } from "./repo-path";
import type { Suite } from "./suite";

const ID = "5 credential store";
const MODULE = repoPath("packages/credential-store/bench/seal-open.bench.ts");

/** Suite 5: seal and open per second of the credential store. Goal: >= 100,000 opens/s. */
export const credentialSuite: Suite = {
  id: ID,
  title: "Credential store seal and open",
  async run({ quick, runs, warmups, log }) {
    const n = quick ? 20_000 : 200_000;
    const name = "seal + open";
    const measured = await runRounds(
      [{ name, n, task: { module: MODULE, exportName: "benchSealOpen", input: { n } } }],
      { runs, warmups, log },
    );
    const results = measured[0] ?? [];
    const opens = spreadOf(results.map((m) => m.result.openPerSecond ?? Number.NaN)).median;
    return {
      rows: caseRows(ID, name, n, results),
      goals: [checkGoal("opens per second", opens, 100_000, "atLeast", "/s")],
    };
  },
};
