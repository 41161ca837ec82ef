import { randomBytes } from "node:crypto";
import type { NewUser } from "@uslimato/core/storage";
import pg from "pg";
import { createPostgresStorage } from "../src/index";

/** What {@link benchPostgresUpserts} takes. */
export interface PostgresUpsertsInput {
  /** How many users to create. */
  users: number;
  /** Users per page (the runner uses 999). */
  batch: number;
  /** Default `postgres://postgres@127.0.0.1:5432/test`. */
  connectionString?: string;
}

/**
 * Creates `users` users (each with its link, as a sync does for new people) through `applyPage` in pages of
 * `batch`, in a fresh schema dropped afterwards. Times only the pages, not the migration.
 */
export async function benchPostgresUpserts(
  input: PostgresUpsertsInput,
): Promise<{ upsertsPerSecond: number }> {
  const pool = new pg.Pool({
    connectionString: input.connectionString ?? "postgres://postgres@127.0.0.1:5432/test",
    max: 2,
  });
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  try {
    const storage = await createPostgresStorage({ pool, schema });
    const started = performance.now();
    for (let offset = 0; offset < input.users; offset += input.batch) {
      const count = Math.min(input.batch, input.users - offset);
      const create: NewUser[] = Array.from({ length: count }, (_, i) => ({
        id: `user-${offset + i}`,
        email: `user-${offset + i}@bench.example`,
        displayName: `User ${offset + i}`,
        active: true,
        role: "viewer",
        attributes: { department: "Engineering", index: offset + i },
      }));
      const link = create.map((u) => ({ externalId: `ext-${u.id}`, userId: u.id }));
      await storage.directory.applyPage("bench", { users: { create, link } }, { offset });
    }
    const seconds = (performance.now() - started) / 1000;
    return { upsertsPerSecond: Math.round(input.users / seconds) };
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
}
