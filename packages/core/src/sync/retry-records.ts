import type { JsonObject } from "../connector/json";
import type { SourcePage } from "../connector/source-page";
import type { RetryRecord, RunnerCheckpoint } from "./runner-checkpoint";

/** At most this many records wait for the next run; further ones are retried when the source changes them. */
const MAX_RETRY_RECORDS = 200;

/**
 * The page that ends a run when earlier runs left records to try again (users whose email another user held):
 * those still `waiting` since the run started (no page of this run carried a newer version or a removal), with
 * their stored source data and the checkpoint unchanged. Applied after the source's own pages, so a conflict the
 * source cleared in this run is gone. `null` when there are none.
 */
export function retryPageOf(
  checkpoint: RunnerCheckpoint | null,
  waiting: ReadonlySet<RetryRecord>,
): SourcePage | null {
  const retry = (checkpoint?.retry ?? []).filter((r) => r.kind === "user" && waiting.has(r));
  if (retry.length === 0) return null;
  return {
    kind: "user",
    upserts: retry.map(({ externalId, data }) => ({ externalId, data })),
    removals: [],
    checkpoint: checkpoint!.connector,
  };
}

/**
 * The records to try again after `page` is applied: the earlier ones this page did not carry (a newer version
 * or a removal replaces a waiting record), then the records of this page that failed with `failedIds`.
 */
export function nextRetryRecords(
  previous: ReadonlyArray<RetryRecord> | undefined,
  page: SourcePage,
  failedIds: ReadonlyArray<string> | undefined,
): RetryRecord[] {
  const failed = new Set(failedIds ?? []);
  if ((previous?.length ?? 0) === 0 && failed.size === 0) return [];
  const carried = new Set<string>();
  for (const record of page.upserts) carried.add(record.externalId);
  for (const removal of page.removals) carried.add(removal.externalId);
  const next = (previous ?? []).filter((r) => r.kind !== page.kind || !carried.has(r.externalId));
  for (const record of page.upserts) {
    if (!failed.has(record.externalId) || next.length >= MAX_RETRY_RECORDS) continue;
    next.push({
      kind: page.kind,
      externalId: record.externalId,
      data: JSON.parse(JSON.stringify(record.data)) as JsonObject,
    });
  }
  return next;
}
