import type { EntityKind, SourcePage } from "../connector/source-page";
import type { RecordMapper } from "../mapping/mapping-engine";
import type { DirectoryBatch, DirectoryStore } from "../storage/storage-adapter";
import type { SyncCounts, SyncErrorDetail } from "../sync-log/sync-log";

/** What planning one page needs. */
export interface PagePlanContext {
  integrationId: string;
  directory: DirectoryStore;
  mapper: RecordMapper;
  newId: () => string;
  /** The sweep this page belongs to, if it is part of a full enumeration. */
  sweepId: string | null;
}

/** A page turned into a batch, with what it will mean once applied. */
export interface PagePlan {
  batch: DirectoryBatch;
  kind: EntityKind;
  counts: Partial<SyncCounts>;
  errors: SyncErrorDetail[];
  /** External ids of upserts that failed on a conflict that may clear (an email another user holds). */
  retry?: string[];
}

/** Plans one page of one kind. */
export type PagePlanner = (page: SourcePage, ctx: PagePlanContext) => Promise<PagePlan>;
