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
    expect(versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(hasIndex(db, "user_links_by_user")).toBe(true);
    db.close();
  });

  it("upgrades the version before owners and pending removals, keeping records and links", async () => {
    const old = new DatabaseSync(file);
    const before = MIGRATIONS.length - 1;
    expect(migrate(old, before)).toBe(before);
    old.exec(`INSERT INTO users (id, email, display_name, active, role, hge_id_account_id, attributes, created_at, updated_at)
      VALUES ('u1', 'u1@x.io', 'U1', 1, 'viewer', NULL, '{}', 0, 0)`);
    old.exec("INSERT INTO user_links (integration_id, external_id, user_id) VALUES ('int-1', 'e1', 'u1')");
    old.exec(`INSERT INTO records (integration_id, kind, external_id, data, removed, updated_at)
      VALUES ('int-1', 'device', 'd1', '{"os":"iOS"}', 0, 0)`);
    old.close();
    const storage = createSqliteStorage({ filename: file });
    expect(await storage.inspect.listRecords("int-1", "device")).toMatchObject([
      { externalId: "d1", data: { os: "iOS" }, owner: null, removed: false, pendingRemoval: false },
    ]);
    await storage.directory.applyPage("int-1", { users: { markPendingDeactivation: ["e1"] } }, null);
    expect(await storage.directory.commitPendingDeactivations("int-1")).toBe(1);
    await storage.close();
  });

  it("moves an integration's guard out of its mappings into the guard column", async () => {
    const old = new DatabaseSync(file);
    const before = MIGRATIONS.length - 1;
    migrate(old, before);
    const insert =
      old.prepare(`INSERT INTO integrations (id, tenant_id, connector_id, name, settings, direction,
      interval_minutes, mappings, enabled, created_at, updated_at, revision)
      VALUES (?, 't1', 'fake', 'N', '{}', 'inbound', 60, ?, 1, 0, 0, 1)`);
    insert.run(
      "guarded",
      JSON.stringify({ user: { email: "mail" }, $guard: { maxShare: 0.05, minCount: 25 } }),
    );
    insert.run("plain", JSON.stringify({ user: { email: "mail" } }));
    old.close();

    const storage = createSqliteStorage({ filename: file });
    expect(await storage.integrations.get("guarded")).toMatchObject({
      mappings: { user: { email: "mail" } },
      guard: { maxShare: 0.05, minCount: 25 },
    });
    expect((await storage.integrations.get("plain"))?.guard).toBeUndefined();
    await storage.close();
    const db = new DatabaseSync(file);
    const rows = db.prepare("SELECT id, mappings, guard FROM integrations ORDER BY id").all();
    expect(
      rows.map((r) => [
        r.id,
        JSON.parse(String(r.mappings)),
        r.guard === null ? null : JSON.parse(String(r.guard)),
      ]),
    ).toEqual([
      ["guarded", { user: { email: "mail" } }, { maxShare: 0.05, minCount: 25 }],
      ["plain", { user: { email: "mail" } }, null],
    ]);
    db.close();
  });

  it("runs nothing twice when a migrated file is opened again", async () => {
    await createSqliteStorage({ filename: file }).close();
    await createSqliteStorage({ filename: file }).close();
    const db = new DatabaseSync(file);
    expect(versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it("rolls a failing migration back whole and keeps the earlier versions", () => {
    const db = new DatabaseSync(file);
    const next = MIGRATIONS.length + 1;
    const broken = [
      ...MIGRATIONS,
      { version: next, name: "broken", sql: "CREATE TABLE half (a); SELECT no_such_fn();" },
    ];
    expect(() => migrate(db, next, broken)).toThrow(/no_such_fn/);
    expect(versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });
});
