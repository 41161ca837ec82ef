import type pg from "pg";

/** Every row of every table of a schema as JSON, in a stable order: compare before and after to prove no change. */
export async function snapshotSchema(pool: pg.Pool, schema: string): Promise<Record<string, unknown[]>> {
  const tables = await pool.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename",
    [schema],
  );
  const snapshot: Record<string, unknown[]> = {};
  for (const { tablename } of tables.rows) {
    const rows = await pool.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM "${schema}"."${tablename}" AS t ORDER BY 1`,
    );
    snapshot[tablename] = rows.rows.map((r) => r.row);
  }
  return snapshot;
}
