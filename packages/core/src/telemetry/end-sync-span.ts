import type { SyncLog } from "../sync-log/sync-log";
import type { Telemetry, TelemetrySpan } from "./telemetry";
import type { TelemetryAttributes } from "./telemetry-options";

/** Ends a sync's span with its outcome and counts, and records its throughput and a guard block. */
export function endSyncSpan(
  telemetry: Telemetry,
  span: TelemetrySpan,
  ids: TelemetryAttributes,
  log: SyncLog,
): void {
  const { processed, created, updated, deactivated, failed } = log.counts;
  span.set({
    "uslimato.sync.mode": log.mode,
    "uslimato.sync.status": log.status,
    "uslimato.sync.pages": log.pages,
    "uslimato.sync.processed": processed,
    "uslimato.sync.created": created,
    "uslimato.sync.updated": updated,
    "uslimato.sync.deactivated": deactivated,
    "uslimato.sync.failed": failed,
  });
  if (log.failureCode !== null) span.fail(log.failureCode);
  span.end();
  const seconds = ((log.finishedAt ?? log.startedAt).getTime() - log.startedAt.getTime()) / 1000;
  if (processed > 0 && seconds > 0)
    telemetry.recordsPerSecond(processed / seconds, { ...ids, "uslimato.sync.mode": log.mode });
  if (log.failureCode === "MASS_DEACTIVATION_BLOCKED") telemetry.guardBlock(ids);
}
