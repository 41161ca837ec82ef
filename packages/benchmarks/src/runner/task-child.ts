import { pathToFileURL } from "node:url";
import type { Measurement, Task, TaskResult } from "./measurement";

/**
 * Child entry: runs one task, measures wall time, CPU time and peak RSS, and sends a {@link Measurement}. A task
 * that sets up first (a database, a hub) returns `workMs`, the time of the measured part, which replaces the wall
 * time; CPU time and peak RSS always cover the whole task.
 */
async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? "{}") as Task;
  const mod = (await import(pathToFileURL(task.module).href)) as Record<string, unknown>;
  const fn = mod[task.exportName];
  if (typeof fn !== "function") throw new Error(`${task.module} has no export ${task.exportName}`);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = ((await fn(task.input)) ?? {}) as TaskResult;
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const { workMs, ...figures } = numbersOf(result);
  const measurement: Measurement = {
    wallMs: workMs ?? wallMs,
    cpuMs: (used.user + used.system) / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    result: figures,
  };
  process.send?.(measurement, () => process.exit(0));
}

/** Numeric fields of the result; a list of `{ case, ...figures }` becomes `"<case>|<figure>"` keys. */
function numbersOf(value: unknown): TaskResult {
  const out: TaskResult = {};
  if (Array.isArray(value)) {
    for (const item of value as Array<Record<string, unknown>>) {
      for (const [key, v] of Object.entries(numbersOf(item))) out[`${String(item.case)}|${key}`] = v;
    }
  } else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value))
      if (typeof v === "number" && Number.isFinite(v)) out[key] = v;
  }
  return out;
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () =>
    process.exit(1),
  );
});
