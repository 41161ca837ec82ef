/**
 * Multi-instance: two host processes share one PostgreSQL database and schedule syncs with pg-boss; every slot
 * runs once, on one of them, and no two runs of an integration ever overlap.
 *
 * @module
 */
import { runTwoInstances } from "./run-two-instances";

const report = await runTwoInstances({ onStep: (line) => console.log(line) });
const instances = Object.entries(report.byInstance).map(([name, n]) => `${name}=${n}`);
console.log(
  `scheduled runs: ${report.runs.length} (${instances.join(", ")}), locked attempts retried: ${report.busy}`,
);
console.log(`sync logs: ${report.syncLogs}, overlapping runs: ${report.overlaps.length}`);
console.log(`slots run twice: ${report.duplicateSlots.length}, slots missed: ${report.missedSlots.length}`);
console.log(`schema ${report.schema} dropped`);
const passed = [report.duplicateSlots, report.missedSlots, report.overlaps].every(
  (list) => list.length === 0,
);
if (!passed) process.exitCode = 1;
