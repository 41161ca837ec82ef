import type { ApplyResult, DirectoryStore } from "@uslimato/core/storage";
import type { Pool } from "pg";
import { absentLinks } from "./absent-links";
import type { GrowthAnalyzer } from "./analyze-on-growth";
import { applyPage } from "./apply-page";
import { findOthers } from "./find-others";
import { findUsers } from "./find-users";
import { linkTaken } from "./link-taken";
import { pendingDeactivations } from "./pending-deactivations";
import { recordRemovals } from "./record-removals";

/** Options of {@link createPostgresDirectoryStore}. */
export interface PostgresDirectoryOptions {
  /** Told the users and links each page adds, to refresh the planner's statistics (see `analyzeOnGrowth`). */
  growth?: GrowthAnalyzer;
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
  { growth, preparedStatements = false }: PostgresDirectoryOptions = {},
): DirectoryStore {
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
      const links = batch.users?.link ?? [];
      const looked = (link: { externalId: string }) => absent.has(integrationId, link.externalId);
      // A link to a user this page creates is new unless its external id is linked to someone else already (a
      // sync's lookup would have found it): taken to be new too, and written again as an upsert if one existed.
      let created: Set<string> | undefined;
      let guessed = false;
      const guess = (link: { externalId: string; userId: string }) => {
        if (looked(link)) return true;
        created ??= new Set((batch.users?.create ?? []).map((u) => u.id));
        if (!created.has(link.userId)) return false;
        guessed = true;
        return true;
      };
      const write = (fresh: (link: { externalId: string; userId: string }) => boolean) =>
        applyPage(pool, s, integrationId, batch, checkpoint, { fence, prepared: preparedStatements, fresh });
      let result: ApplyResult;
      try {
        try {
          result = await write(guess);
        } catch (error) {
          if (!guessed || !linkTaken(error)) throw error;
          result = await write(looked);
        }
      } catch (error) {
        absent.forget(integrationId);
        throw error;
      }
      absent.linked(
        integrationId,
        links.map((l) => l.externalId),
      );
      growth?.added((batch.users?.create?.length ?? 0) + links.length);
      return result;
    },
    ...pendingDeactivations(pool, s),
    ...recordRemovals(pool, s),
    ...findOthers(pool, s),
  };
}
