import type { EntityKind } from "../connector/source-page";
import type { DirectoryBatch } from "./storage-adapter";

/** The sweep a batch belongs to, for ownership checks: `batch.sweep`, else the sweep its `finishSweep` ends. */
export function batchSweep(
  batch: DirectoryBatch,
): { kind: EntityKind; sweepId: string; start: boolean; finish: boolean } | null {
  const sweep = batch.sweep ?? batch.finishSweep;
  if (!sweep) return null;
  const start = batch.sweep?.start === true;
  const finish = batch.finishSweep !== undefined;
  return { kind: sweep.kind, sweepId: sweep.sweepId, start, finish };
}
