/** One forward-only schema change. Versions start at 1 and increase by one; a published migration never changes. */
export interface PostgresMigration {
  version: number;
  /** A short, stable description, recorded with the version. */
  name: string;
  /** The DDL for a schema (given double-quoted). Runs inside the migration transaction. */
  up(schema: string): string;
}
