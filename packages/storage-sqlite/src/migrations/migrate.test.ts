import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSqliteStorage } from "../create-sqlite-storage";
import { migrate } from "./migrate";
import { MIGRATIONS } from "./migrations";

const versions = (db: DatabaseSync) =>
  db
    .prepare("SELECT version FROM schema_migrations ORDER BY version")
    .all()
    .map((row) => Number(row.version));
const hasIndex = (db: DatabaseSync, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;

describe("migrations", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "uslimato-migrate-"));
    file = join(dir, "hub.db");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("creates every table and records every version on an empty file", async () => {
    const storage = createSqliteStorage({ filename: file });
    await storage.close();
    const db = new DatabaseSync(file);
    expect(versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(hasIndex(db, "user_links_by_user")).toBe(true);
    expect(db.prepare("PRAGMA journal_mode").get()?.journal_mode).toBe("wal");
    db.close();
  });

  it("upgrades a database of the previous version, keeping its data", async () => {
    const old = new DatabaseSync(file);
    expect(migrate(old, 1)).toBe(1);
    expect(hasIndex(old, "user_links_by_user")).toBe(false);
    old.exec(`INSERT INTO users (id, email, display_name, active, role, hge_id_account_id, attributes, created_at, updated_at)
      VALUES ('u1', 'u1@x.io', 'U1', 1, 'viewer', NULL, '{"a":1}', 0, 0)`);
    old.exec("INSERT INTO user_links (integration_id, external_id, user_id) VALUES ('int-1', 'e1', 'u1')");
    old.close();

    const storage = createSqliteStorage({ filename: file });
    const lookup = await storage.directory.findUsers("int-1", { externalIds: ["e1"], emails: ["u1@x.io"] });
    expect(lookup.byExternalId[0]?.user).toMatchObject({ id: "u1", attributes: { a: 1 } });
    expect(lookup.byEmail[0]?.linkedExternalIds).toEqual(["e1"]);
    await storage.close();
    const db = new DatabaseSync(file);
    expect(versions(db)).toEqual([1, 2, 3]);
    expect(hasIndex(db, "user_links_by_user")).toBe(true);
    db.close();
  });

  it("runs nothing twice when a migrated file is opened again", async () => {
    await createSqliteStorage({ filename: file }).close();
    await createSqliteStorage({ filename: file }).close();
    const db = new DatabaseSync(file);
    expect(versions(db)).toEqual([1, 2, 3]);
    db.close();
  });

  it("rolls a failing migration back whole and keeps the earlier versions", () => {
    const db = new DatabaseSync(file);
    const broken = [
      ...MIGRATIONS,
      { version: 4, name: "broken", sql: "CREATE TABLE half (a); SELECT no_such_fn();" },
    ];
    expect(() => migrate(db, 4, broken)).toThrow(/no_such_fn/);
    expect(versions(db)).toEqual([1, 2, 3]);
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });
});
