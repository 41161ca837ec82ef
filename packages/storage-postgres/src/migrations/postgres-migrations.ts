import { migration001Initial } from "./migration-001-initial";
import { migration002Sweeps } from "./migration-002-sweeps";
import { migration003RecordOwners } from "./migration-003-record-owners";
import type { PostgresMigration } from "./postgres-migration";

/** Every migration, in version order. New ones are appended; none is ever edited or removed. */
export const POSTGRES_MIGRATIONS: ReadonlyArray<PostgresMigration> = Object.freeze([
  migration001Initial,
  migration002Sweeps,
  migration003RecordOwners,
]);
