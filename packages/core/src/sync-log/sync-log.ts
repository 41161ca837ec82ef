import type { EntityKind, SyncNotice } from "../connector/source-page";
import type { ServiceDiagnosis } from "../errors/service-diagnosis";

/**
 * What started a run: the scheduler, a person ("Sync now"), a change notification, or a change watcher that polls
 * a service without notifications (e.g. Intune); `reason` in the log says what the watcher saw.
 */
export type SyncTrigger = "schedule" | "manual" | "webhook" | "watch";

/** Whether a run read everything or only changes. */
export type SyncMode = "full" | "incremental";

/** How a run ended: `partial` when some records failed, `failed` when the run itself did. */
export type SyncStatus = "running" | "success" | "partial" | "failed";

/** Counts of one run (or of one entity kind within it). */
export interface SyncCounts {
  processed: number;
  created: number;
  updated: number;
  deactivated: number;
  failed: number;
}

/** One problem of a run: a record that failed, or the run's own failure. Never holds a secret or a redacted value. */
export interface SyncErrorDetail {
  /** The record's external id, when the problem is a record's. */
  externalId?: string;
  kind?: EntityKind;
  /** The internal field concerned, if any. */
  field?: string;
  code: string;
  message: string;
  severity: "error" | "warning";
  /** The service's request id, when the error came from a call. */
  requestId?: string;
  /** What the external service said (status, its error code and ids), when the error came from a call. */
  diagnosis?: ServiceDiagnosis;
}

/** One record per sync run. */
export interface SyncLog {
  id: string;
  integrationId: string;
  tenantId: string;
  trigger: SyncTrigger;
  /** Why the run started, when the starter said (a watcher's reason, e.g. "3 devices checked in"). */
  reason?: string;
  mode: SyncMode;
  status: SyncStatus;
  startedAt: Date;
  finishedAt: Date | null;
  counts: SyncCounts;
  countsByKind: Partial<Record<EntityKind, SyncCounts>>;
  /** The first problems (capped, see {@link SYNC_LOG_ERROR_CAP}); `errorCount` holds the total. */
  errors: SyncErrorDetail[];
  errorCount: number;
  notices: SyncNotice[];
  /** Pages applied. */
  pages: number;
  /** When the run itself failed: its code (e.g. `MASS_DEACTIVATION_BLOCKED`). */
  failureCode: string | null;
}

/** How many error details one sync log keeps; the total is in `errorCount`. */
export const SYNC_LOG_ERROR_CAP = 300;

/** Zero counts. */
export function emptyCounts(): SyncCounts {
  return { processed: 0, created: 0, updated: 0, deactivated: 0, failed: 0 };
}
