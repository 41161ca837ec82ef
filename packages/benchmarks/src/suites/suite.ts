import type { BenchRow } from "../report/bench-row";

/** Sizes and repetitions of one harness run. */
export interface SuiteContext {
  /** `--quick`: small sizes for a smoke check under two minutes. */
  quick: boolean;
  /** Measured runs per case. */
  runs: number;
  /** Warm-up runs per case, thrown away. */
  warmups: number;
  /** Graph's latency per page in the latency suites (`--delay=MS`). */
  delayMs: number;
  /** Progress lines (stderr, never the table). */
  log: (line: string) => void;
}

/** A goal of the issue, checked against this run's figures (reported, never asserted). */
export interface GoalCheck {
  goal: string;
  met: boolean;
  /** The figure and the margin, e.g. `1.12x (goal 1.0x, +12%)`. */
  detail: string;
}

/** What a suite reports: rows, goal checks and notes. A suite that fails throws; the run reports it as `failed:`. */
export interface SuiteOutcome {
  rows: BenchRow[];
  goals: GoalCheck[];
  notes?: string[];
}

/** One suite of the harness. */
export interface Suite {
  /** Short id used in rows and with `--only`. */
  id: string;
  title: string;
  run(context: SuiteContext): Promise<SuiteOutcome>;
}
