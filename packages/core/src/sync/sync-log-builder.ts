import type { EntityKind, SyncNotice } from "../connector/source-page";
import type { ServiceDiagnosis } from "../errors/service-diagnosis";
import {
  emptyCounts,
  SYNC_LOG_ERROR_CAP,
  type SyncCounts,
  type SyncErrorDetail,
  type SyncLog,
  type SyncMode,
  type SyncTrigger,
} from "../sync-log/sync-log";

/** Why a run itself failed, as recorded in its sync log. */
export interface RunFailure {
  code: string;
  message: string;
  requestId?: string;
  diagnosis?: ServiceDiagnosis;
}

/** Accumulates a run's counts, errors and notices into its {@link SyncLog}. */
export class SyncLogBuilder {
  readonly log: SyncLog;

  constructor(init: {
    id: string;
    integrationId: string;
    tenantId: string;
    trigger: SyncTrigger;
    reason?: string;
    mode: SyncMode;
    startedAt: Date;
  }) {
    this.log = {
      ...init,
      status: "running",
      finishedAt: null,
      counts: emptyCounts(),
      countsByKind: {},
      errors: [],
      errorCount: 0,
      notices: [],
      pages: 0,
      failureCode: null,
    };
  }

  /** Adds counts for one kind (and to the totals). */
  add(kind: EntityKind, counts: Partial<SyncCounts>): void {
    const byKind = this.log.countsByKind[kind] ?? emptyCounts();
    this.log.countsByKind[kind] = byKind;
    for (const key of Object.keys(counts) as Array<keyof SyncCounts>) {
      const value = counts[key] ?? 0;
      byKind[key] += value;
      this.log.counts[key] += value;
    }
  }

  /** Records problems, keeping the first {@link SYNC_LOG_ERROR_CAP} and counting all. */
  addErrors(errors: ReadonlyArray<SyncErrorDetail>): void {
    this.log.errorCount += errors.length;
    const room = SYNC_LOG_ERROR_CAP - this.log.errors.length;
    if (room > 0) this.log.errors.push(...errors.slice(0, room));
  }

  addNotices(notices: ReadonlyArray<SyncNotice> | undefined): void {
    for (const notice of notices ?? []) {
      if (!this.log.notices.some((n) => n.code === notice.code && n.message === notice.message))
        this.log.notices.push(notice);
    }
  }

  /** Ends the run: `failed` with a code when the run itself failed, `partial` when records failed, else `success`. */
  finish(finishedAt: Date, failure?: RunFailure): SyncLog {
    if (failure) {
      this.log.status = "failed";
      this.log.failureCode = failure.code;
      this.addErrors([
        {
          code: failure.code,
          message: failure.message,
          severity: "error",
          ...(failure.requestId ? { requestId: failure.requestId } : {}),
          ...(failure.diagnosis ? { diagnosis: failure.diagnosis } : {}),
        },
      ]);
    } else {
      this.log.status = this.log.counts.failed > 0 ? "partial" : "success";
    }
    this.log.finishedAt = finishedAt;
    return this.log;
  }
}
