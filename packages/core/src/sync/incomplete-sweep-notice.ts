import {
  LISTING_INCOMPLETE,
  type SourcePage,
  SWEEP_INCOMPLETE,
  type SyncNotice,
} from "../connector/source-page";

/**
 * The sync log notice for the last page of a full enumeration that the connector marked incomplete
 * (`fullScan.complete: false` or a {@link LISTING_INCOMPLETE} notice), or null when the sweep may finish.
 */
export function incompleteSweepNotice(page: SourcePage): SyncNotice | null {
  if (!page.fullScan?.last) return null;
  const notice = page.notices?.find((n) => n.code === LISTING_INCOMPLETE);
  if (page.fullScan.complete !== false && !notice) return null;
  const why = notice ? `: ${notice.message}` : "";
  return {
    code: SWEEP_INCOMPLETE,
    message: `The ${page.kind} listing was incomplete${why}. No ${page.kind} was removed or deactivated by this sweep.`,
  };
}
