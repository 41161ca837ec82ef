import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { BENCH_POSTGRES_URL } from "../sync/bench-storage";

/** A user as the hand-written loops store it. */
export interface PlainUser {
  id: string;
  email: string;
  displayName: string | null;
  active: boolean;
  attributes: string;
}

/** Where a hand-written loop writes a page of users: one upsert per page, then closed. */
export interface PlainSink {
  upsertPage(users: ReadonlyArray<PlainUser>): Promise<void> | void;
  close(): Promise<void>;
}

const COLUMNS = "id, email, display_name, active, attributes, updated_at";

/**
 * Opens a fresh users table equivalent to the adapters' (id, email, display name, active, attributes, updated):
 * SQLite (a temp file, a prepared upsert per user inside one transaction per page) or PostgreSQL (a fresh schema,
 * one `INSERT ... SELECT FROM unnest(...) ON CONFLICT` per page). Closing removes it.
 */
export async function openPlainSink(kind: "sqlite" | "postgres"): Promise<PlainSink> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "uslimato-plain-"));
    const db = new DatabaseSync(join(dir, "plain.db"));
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
    db.exec(`CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL, display_name TEXT,
      active INTEGER NOT NULL, attributes TEXT NOT NULL, updated_at INTEGER NOT NULL)`);
    const upsert = db.prepare(
      `INSERT INTO users (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET
       email = excluded.email, display_name = excluded.display_name, active = excluded.active,
       attributes = excluded.attributes, updated_at = excluded.updated_at`,
    );
    return {
      upsertPage(users) {
        const now = Date.now();
        db.exec("BEGIN");
        for (const u of users) upsert.run(u.id, u.email, u.displayName, u.active ? 1 : 0, u.attributes, now);
        db.exec("COMMIT");
      },
      async close() {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await client.connect();
  const schema = `plain_${process.pid}_${Date.now()}`;
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(`CREATE TABLE "${schema}".users (id text COLLATE "C" PRIMARY KEY, email text NOT NULL,
    display_name text, active boolean NOT NULL, attributes jsonb NOT NULL, updated_at timestamptz NOT NULL)`);
  const sql = `INSERT INTO "${schema}".users (${COLUMNS})
    SELECT u.*, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::jsonb[]) AS u
    ON CONFLICT (id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name,
    active = excluded.active, attributes = excluded.attributes, updated_at = excluded.updated_at`;
  return {
    async upsertPage(users) {
      await client.query(sql, [
        users.map((u) => u.id),
        users.map((u) => u.email),
        users.map((u) => u.displayName),
        users.map((u) => u.active),
        users.map((u) => u.attributes),
      ]);
    },
    async close() {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}
