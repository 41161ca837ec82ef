import type { DirectoryStore } from "@uslimato/core";
import type { Pool } from "pg";
import { applyPage } from "./apply-page";
import { findUsers } from "./find-users";
import { listPostgresDirectory } from "./list-postgres-directory";
import { pendingDeactivations } from "./pending-deactivations";
import { putUsers } from "./put-users";

/** Users, links, groups, memberships, devices and assets in PostgreSQL; every method is a fixed number of queries. */
export function createPostgresDirectoryStore(pool: Pool, s: string): DirectoryStore {
  return {
    findUsers: (integrationId, query) => findUsers(pool, s, integrationId, query),
    applyPage: (integrationId, batch, checkpoint) => applyPage(pool, s, integrationId, batch, checkpoint),
    putUsers: (users) => putUsers(pool, s, users),
    ...pendingDeactivations(pool, s),
    ...listPostgresDirectory(pool, s),
  };
}
