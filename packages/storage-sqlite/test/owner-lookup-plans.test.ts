import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createSqliteStorage } from "../src/index";

const dir = mkdtempSync(join(tmpdir(), "uslimato-owner-plans-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("owner lookups use indexes, never a scan of records", () => {
  it("listing a user's records and resolving waiting owners probe the owner indexes", async () => {
    const file = join(dir, "plans.db");
    const prepared: string[] = [];
    const prepare = DatabaseSync.prototype.prepare;
    const spy = vi.spyOn(DatabaseSync.prototype, "prepare").mockImplementation(function (
      this: DatabaseSync,
      sql,
    ) {
      prepared.push(sql);
      return prepare.call(this, sql);
    });
    const storage = createSqliteStorage({ filename: file });
    const at = new Date(0);
    const integration = {
      tenantId: "t1",
      name: "x",
      settings: {},
      direction: "inbound" as const,
      intervalMinutes: 60,
    };
    const base = { mappings: {}, enabled: true, createdAt: at, updatedAt: at, revision: 1 };
    await storage.integrations.insert({ id: "ent", connectorId: "entra", ...integration, ...base });
    await storage.integrations.insert({ id: "dev", connectorId: "intune", ...integration, ...base });
    await storage.directory.applyPage(
      "dev",
      {
        records: [
          {
            kind: "device",
            upsert: [
              {
                externalId: "d1",
                data: {},
                owner: { email: "a@x.io", externalUserId: "o1", source: "entra" },
              },
            ],
          },
        ],
      },
      null,
    );
    await storage.directory.applyPage(
      "ent",
      {
        users: {
          create: [
            { id: "u1", email: "b@x.io", displayName: null, active: true, role: "viewer", attributes: {} },
          ],
          link: [{ externalId: "o1", userId: "u1" }],
        },
      },
      null,
    );
    expect((await storage.inspect.listRecordsByOwner("u1")).map((r) => r.externalId)).toEqual(["d1"]);
    await storage.close();
    spy.mockRestore();

    const db = new DatabaseSync(file);
    const planOf = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => String(row.detail))
        .join("\n");
    const find = (pattern: RegExp) => {
      const sql = prepared.find((text) => pattern.test(text));
      expect(sql, String(pattern)).toBeDefined();
      return planOf(sql!);
    };
    const byOwner = find(/FROM records WHERE owner_user_id = \?1/);
    expect(byOwner).toMatch(/USING INDEX records_by_owner/);
    // The page's pairs drive the probes (an equality on the key), never the waiting records a scan of the pairs.
    const byLink = find(/r\.owner_external_id = t\.value/);
    expect(byLink).toMatch(
      /SCAN t VIRTUAL TABLE[^\n]*\nSEARCH r USING INDEX records_waiting_by_external_id \(owner_source=\? AND owner_external_id=\?/,
    );
    const byEmail = find(/r\.owner_email = t\.value/);
    expect(byEmail).toMatch(
      /SCAN t VIRTUAL TABLE[^\n]*\nSEARCH r USING INDEX records_waiting_by_email \(owner_email=\?\)/,
    );
    for (const plan of [byOwner, byLink, byEmail]) expect(plan).not.toMatch(/SCAN records/);
    db.close();
  });
});
