import type { Queryable } from "../transactions/queryable";

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
 * count doubles: about a dozen times for a million users, a fraction of a second each. `0` turns it off.
 * A failed ANALYZE (say, a role that does not own the tables) only leaves the statistics to autovacuum.
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
        await db.query(`ANALYZE ${s}.users, ${s}.user_links`);
      } catch {
        // Statistics are an optimisation: the page is applied; autovacuum refreshes them later.
      }
    },
  };
}
