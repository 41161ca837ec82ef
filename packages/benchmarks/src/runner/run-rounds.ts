import type { Measurement, Task } from "./measurement";
import { runTask } from "./run-task";

/** A case to measure: a name, its size and the task its child process runs. */
export interface BenchCase {
  name: string;
  n: number;
  task: Task;
  /** Extra environment of its child (e.g. `NODE_EXTRA_CA_CERTS` of its simulator). */
  env?: NodeJS.ProcessEnv;
}

/** How often to run: `warmups` rounds thrown away, then `runs` measured rounds. */
export interface RoundOptions {
  runs: number;
  warmups: number;
  /** Progress lines (stderr). */
  log?: (line: string) => void;
}

/**
 * Runs every case once per round, round after round (interleaved, so noise on the shared machine hits every case
 * alike), each run in a fresh child process. Returns the measured runs of each case (same order as `cases`),
 * in round order.
 */
export async function runRounds(
  cases: ReadonlyArray<BenchCase>,
  { runs, warmups, log }: RoundOptions,
): Promise<Measurement[][]> {
  const out = cases.map((): Measurement[] => []);
  for (let round = 0; round < warmups + runs; round += 1) {
    for (const [i, benchCase] of cases.entries()) {
      const measurement = await runTask(benchCase.task, benchCase.env);
      const label = round < warmups ? "warm-up" : `run ${round - warmups + 1}/${runs}`;
      log?.(`  ${benchCase.name} n=${benchCase.n} ${label}: ${measurement.wallMs.toFixed(0)} ms`);
      if (round >= warmups) out[i]?.push(measurement);
    }
  }
  return out;
}
