import { migration001Initial } from "./migration-001-initial";
import { migration002Sweeps } from "./migration-002-sweeps";
import { migration003LockFencing } from "./migration-003-lock-fencing";
import { migration004RecordOwners } from "./migration-004-record-owners";
import type { PostgresMigration } from "./postgres-migration";

/** Every migration, in version order. New ones are appended; none is ever edited or removed. */
export const POSTGRES_MIGRATIONS: ReadonlyArray<PostgresMigration> = Object.freeze([
  migration001Initial,
  migration002Sweeps,
  migration003LockFencing,
  migration004RecordOwners,
]);
