import { fileURLToPath } from "node:url";

/** Absolute path of a file in the repository, e.g. `packages/scheduler/bench/schedule.bench.ts`. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));
}
