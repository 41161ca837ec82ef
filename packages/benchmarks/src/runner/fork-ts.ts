import { type ChildProcess, fork } from "node:child_process";

/**
 * Forks a TypeScript entry in a fresh Node process that resolves workspace packages to their sources, so every
 * measured client (and the simulator) has its own heap, CPU clock and peak RSS.
 */
export function forkTs(entry: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return fork(entry, args, {
    execArgv: ["--conditions=@uslimato/source", "--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
}
