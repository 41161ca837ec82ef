/** What one run of a case in its own process reports. */
export interface Measurement {
  /** Wall time of the measured work, in milliseconds (process start-up excluded). */
  wallMs: number;
  /** User + system CPU time of the child during the work, in milliseconds. */
  cpuMs: number;
  /** Peak resident set size of the child over its life, in bytes. */
  peakRssBytes: number;
  /** What the task returned: counts and any figures it measured itself. */
  result: TaskResult;
}

/**
 * What a task returns: numbers by name (`count` is the number of items handled, used for items/s); a task that
 * returns a list of `{ case, ...figures }` gets keys `"<case>|<figure>"`.
 */
export type TaskResult = Record<string, number>;

/** A function run in a child process: a module path, an export name and one JSON-serialisable argument. */
export interface Task {
  module: string;
  exportName: string;
  input: unknown;
}
