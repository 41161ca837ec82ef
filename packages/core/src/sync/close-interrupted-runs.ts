import type { Logger } from "../logging/logger";
import type { StorageAdapter } from "../storage/storage-adapter";
import { SYNC_LOG_ERROR_CAP, type SyncLog } from "../sync-log/sync-log";

/** How many of an integration's newest sync logs a run checks for runs that never finished. */
const INTERRUPTED_RUNS_SCAN = 50;

/** The message a closed run's log carries. */
const INTERRUPTED_MESSAGE =
  "The run stopped without finishing (its process ended or it lost its lock). Nothing after its last applied page was written; the next run resumed from that checkpoint.";

/**
 * Closes the sync logs of runs that never finished (still `running`: their process was killed or crashed) as
 * `failed` with code `SYNC_INTERRUPTED`, finished now. Called by a run that holds the integration's lock, so no
 * other run of the integration is alive to finish them. Returns the logs it closed.
 */
async function closeInterruptedRuns(
  storage: StorageAdapter,
  integrationId: string,
  now: Date,
): Promise<SyncLog[]> {
  const logs = await storage.syncLogs.list(integrationId, { limit: INTERRUPTED_RUNS_SCAN });
  const closed: SyncLog[] = [];
  for (const log of logs) {
    if (log.status !== "running") continue;
    const finished: SyncLog = {
      ...log,
      status: "failed",
      finishedAt: now,
      failureCode: "SYNC_INTERRUPTED",
      errors: [
        ...log.errors.slice(0, SYNC_LOG_ERROR_CAP - 1),
        { code: "SYNC_INTERRUPTED", message: INTERRUPTED_MESSAGE, severity: "error" },
      ],
      errorCount: log.errorCount + 1,
    };
    await storage.syncLogs.save(finished);
    closed.push(finished);
  }
  return closed;
}

/**
 * {@link closeInterruptedRuns} for a starting run: logs a warning per closed log and calls `onClosed` (the run
 * audits it); a storage failure is logged and never stops the run.
 */
export async function closeInterruptedRunsQuietly(
  storage: StorageAdapter,
  integrationId: string,
  now: Date,
  logger: Logger,
  onClosed: (log: SyncLog) => Promise<void>,
): Promise<void> {
  try {
    for (const closed of await closeInterruptedRuns(storage, integrationId, now)) {
      logger.warn(
        { integrationId, syncId: closed.id, code: "SYNC_INTERRUPTED" },
        "closed the log of a run that never finished",
      );
      await onClosed(closed);
    }
  } catch (error) {
    logger.warn({ err: error, integrationId }, "could not close the logs of runs that never finished");
  }
}
