import type { SyncCounts } from "../sync-log/sync-log";

/** Progress of a running sync, reported after every applied page. */
export interface SyncProgress {
  syncId: string;
  integrationId: string;
  pages: number;
  counts: Readonly<SyncCounts>;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}
