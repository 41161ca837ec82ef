import type { ApplyResult, DirectoryStore } from "@uslimato/core/storage";
import type { Pool } from "pg";
import { absentLinks } from "./absent-links";
import { analyzeOnGrowth } from "./analyze-on-growth";
import { applyPage } from "./apply-page";
import { findOthers } from "./find-others";
import { findUsers } from "./find-users";
import { pendingDeactivations } from "./pending-deactivations";
import { recordRemovals } from "./record-removals";

/** Options of {@link createPostgresDirectoryStore}. */
export interface PostgresDirectoryOptions {
  /** When the planner's statistics are first refreshed as the directory grows (see {@link analyzeOnGrowth}). */
  analyzeAfterRows?: number;
  /** Send a page's statements and lookups as named (prepared) statements (see `namedStatement`). */
  preparedStatements?: boolean;
}

/**
 * Users, links, groups, memberships, devices and assets in PostgreSQL, as a sync sees them; every method is a fixed
 * number of queries.
 */
export function createPostgresDirectoryStore(
  pool: Pool,
  s: string,
  { analyzeAfterRows = 10_000, preparedStatements = false }: PostgresDirectoryOptions = {},
): DirectoryStore {
  const growth = analyzeOnGrowth(pool, s, analyzeAfterRows);
  const absent = absentLinks();
  return {
    async findUsers(integrationId, query) {
      const looked = absent.lookup(integrationId);
      const found = await findUsers(pool, s, integrationId, query, preparedStatements);
      looked(
        query.externalIds,
        found.byExternalId.map((m) => m.link.externalId),
      );
      return found;
    },
    async applyPage(integrationId, batch, checkpoint, fence) {
      const links = (batch.users?.link ?? []).map((l) => l.externalId);
      let result: ApplyResult;
      try {
        result = await applyPage(pool, s, integrationId, batch, checkpoint, {
          fence,
          prepared: preparedStatements,
          fresh: (externalId) => absent.has(integrationId, externalId),
        });
      } catch (error) {
        absent.forget(integrationId);
        throw error;
      }
      absent.linked(integrationId, links);
      await growth.added((batch.users?.create?.length ?? 0) + (batch.users?.link?.length ?? 0));
      return result;
    },
    ...pendingDeactivations(pool, s),
    ...recordRemovals(pool, s),
    ...findOthers(pool, s),
  };
}
