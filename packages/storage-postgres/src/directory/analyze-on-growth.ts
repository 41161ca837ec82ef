import type { Queryable } from "../transactions/queryable";

/** The statistics target of the growth ANALYZE: 300 sampled rows per unit. */
const STATISTICS_TARGET = 10;

/** Counts rows a store adds and refreshes the planner's statistics as the directory grows. */
export interface GrowthAnalyzer {
  /** Records `rows` new rows; runs ANALYZE on users and links when the total has doubled since the last one. */
  added(rows: number): Promise<void>;
}

/**
 * A first sync fills `users` and `user_links` from nothing, much faster than autovacuum analyzes them. Until it
 * does, the planner works from the size the tables had when last analyzed (or from none), and set-based
 * statements like the sweep's `external_id = ANY(...)` update fall back to reading every link of the
 * integration on every page. This runs `ANALYZE` once `firstAfterRows` rows have been added, then each time the
 * count doubles: about a dozen times for a million users. It samples 3,000 rows a table (statistics target 10)
 * instead of the default 30,000: the plans at stake need the tables' sizes and which columns are unique, not
 * fine histograms, and the sampling is a fifth of the cost (tens of milliseconds at 100,000 users instead of a
 * quarter of a second, on the page's path). Autovacuum's own ANALYZE, with the server's target, follows later.
 * `0` turns it off. A failed ANALYZE (say, a role that does not own the tables) only leaves the statistics to
 * autovacuum.
 */
export function analyzeOnGrowth(db: Queryable, s: string, firstAfterRows: number): GrowthAnalyzer {
  let total = 0;
  let next = firstAfterRows;
  return {
    async added(rows) {
      if (firstAfterRows <= 0 || rows <= 0) return;
      total += rows;
      if (total < next) return;
      next = total * 2;
      try {
        // One simple query: an implicit transaction, so SET LOCAL holds for this ANALYZE only.
        await db.query(
          `SET LOCAL default_statistics_target = ${STATISTICS_TARGET}; ANALYZE ${s}.users, ${s}.user_links`,
        );
      } catch {
        // Statistics are an optimisation: the page is applied; autovacuum refreshes them later.
      }
    },
  };
}
