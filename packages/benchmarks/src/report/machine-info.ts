import { cpus, loadavg, platform, release, totalmem } from "node:os";

/** Where a run happened: machine, Node version and date, for the docs and the JSON file. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  date: string;
  /** The 1-minute load average at the start and at the end of the run (the machine may be shared). */
  loadAverage?: [number, number];
}

/** Describes this machine now. */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    date: new Date().toISOString(),
    loadAverage: [loadavg()[0] ?? 0, loadavg()[0] ?? 0],
  };
}
