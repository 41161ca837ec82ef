import type { DirectoryStore } from "@uslimato/core/storage";
import type { Pool } from "pg";
import { analyzeOnGrowth } from "./analyze-on-growth";
import { applyPage } from "./apply-page";
import { findOthers } from "./find-others";
import { findUsers } from "./find-users";
import { pendingDeactivations } from "./pending-deactivations";
import { recordRemovals } from "./record-removals";

/**
 * Users, links, groups, memberships, devices and assets in PostgreSQL, as a sync sees them; every method is a fixed number of queries.
 * `analyzeAfterRows` is when the planner's statistics are first refreshed as the directory grows (see
 * {@link analyzeOnGrowth}).
 */
export function createPostgresDirectoryStore(
  pool: Pool,
  s: string,
  analyzeAfterRows = 10_000,
): DirectoryStore {
  const growth = analyzeOnGrowth(pool, s, analyzeAfterRows);
  return {
    findUsers: (integrationId, query) => findUsers(pool, s, integrationId, query),
    async applyPage(integrationId, batch, checkpoint, fence) {
      const result = await applyPage(pool, s, integrationId, batch, checkpoint, fence);
      await growth.added((batch.users?.create?.length ?? 0) + (batch.users?.link?.length ?? 0));
      return result;
    },
    ...pendingDeactivations(pool, s),
    ...recordRemovals(pool, s),
    ...findOthers(pool, s),
  };
}
