import type { Queryable } from "../transactions/queryable";

/** The statistics target of the growth ANALYZE: 300 sampled rows per unit. */
const STATISTICS_TARGET = 10;

/** Counts rows a store adds and refreshes the planner's statistics as the directory grows. */
export interface GrowthAnalyzer {
  /**
   * Records `rows` new rows; once the total has doubled since the last ANALYZE of users and links, starts the next
   * one without waiting for it (it runs on a pooled connection of its own while the pages go on).
   */
  added(rows: number): void;
  /** Resolves once no ANALYZE started by {@link GrowthAnalyzer.added} is running (before the pool is closed). */
  idle(): Promise<void>;
}

/**
 * A first sync fills `users` and `user_links` from nothing, much faster than autovacuum analyzes them. Until it
 * does, the planner works from the size the tables had when last analyzed (or from none), and set-based
 * statements like the sweep's `external_id = ANY(...)` update fall back to reading every link of the
 * integration on every page. This runs `ANALYZE` once `firstAfterRows` rows have been added, then each time the
 * count doubles: about a dozen times for a million users. It samples 3,000 rows a table (statistics target 10)
 * instead of the default 30,000: the plans at stake need the tables' sizes and which columns are unique, not
 * fine histograms, and the sampling is a fifth of the cost. It runs beside the pages, not before the page that
 * reached the count returns: 8 to 17 ms each from 5,000 to 80,000 users, which a first sync of 100,000 users used
 * to wait for five times; the statements of the pages after it are planned with the new statistics. One runs at a
 * time: a count reached while one runs starts the next with the first page added after it ended. Autovacuum's own ANALYZE, with the server's target,
 * follows later. `0` turns it off. A failed ANALYZE (say, a role that does not own the tables) only leaves the
 * statistics to autovacuum.
 */
export function analyzeOnGrowth(db: Queryable, s: string, firstAfterRows: number): GrowthAnalyzer {
  let total = 0;
  let next = firstAfterRows;
  let running: Promise<void> | null = null;
  const analyze = async (): Promise<void> => {
    try {
      // One simple query: an implicit transaction, so SET LOCAL holds for this ANALYZE only.
      await db.query(
        `SET LOCAL default_statistics_target = ${STATISTICS_TARGET}; ANALYZE ${s}.users, ${s}.user_links`,
      );
    } catch {
      // Statistics are an optimisation: the pages are applied; autovacuum refreshes them later.
    } finally {
      running = null;
    }
  };
  return {
    added(rows) {
      if (firstAfterRows <= 0 || rows <= 0) return;
      total += rows;
      if (total < next || running) return;
      next = total * 2;
      running = analyze();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
