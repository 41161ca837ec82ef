import type { GoalCheck } from "../suites/suite";
import type { BenchRow } from "./bench-row";
import type { MachineInfo } from "./machine-info";

/** Everything one `pnpm bench` run produced. */
export interface RunReport {
  command: string;
  machine: MachineInfo;
  /** Which Graph server answered the HTTP cases. */
  simulator: string;
  rows: BenchRow[];
  goals: Array<GoalCheck & { suite: string }>;
  skipped: Array<{ suite: string; reason: string }>;
  notes: string[];
  durationSeconds: number;
}
