import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStorage, migratePostgres, POSTGRES_MIGRATIONS } from "../src/index";
import { dropSchema, randomSchema, testPool } from "./support/test-database";

const admin = testPool(4);
const schemas: string[] = [];
const freshSchema = () => {
  const schema = randomSchema();
  schemas.push(schema);
  return schema;
};
const latest = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));

afterAll(async () => {
  for (const schema of schemas) await dropSchema(admin, schema);
  await admin.end();
});

const recorded = async (schema: string) =>
  (
    await admin.query<{ version: number }>(
      `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
    )
  ).rows.map((r) => r.version);

describe("migrations", () => {
  it("numbers migrations 1..n without gaps", () => {
    expect(POSTGRES_MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: POSTGRES_MIGRATIONS.length }, (_, i) => i + 1),
    );
  });

  it("migrates an empty database to the latest version, and then does nothing", async () => {
    const schema = freshSchema();
    expect(await migratePostgres(admin, { schema })).toEqual({
      applied: POSTGRES_MIGRATIONS.map((m) => m.version),
      version: latest,
    });
    expect(await recorded(schema)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    expect(await migratePostgres(admin, { schema })).toEqual({ applied: [], version: latest });
  });

  it("migrates from the previous version with the data intact", async () => {
    const schema = freshSchema();
    expect(await migratePostgres(admin, { schema, to: latest - 1 })).toMatchObject({ version: latest - 1 });
    const s = `"${schema}"`;
    await admin.query(`
      INSERT INTO ${s}.users VALUES
        ('u1', 'anna@x.io', 'Anna', true, 'admin', 'hge-1', '{"dept":"IT"}', now(), now()),
        ('u2', 'bob@x.io', null, true, 'viewer', null, '{}', now(), now());
      INSERT INTO ${s}.user_links VALUES ('int-1', 'e1', 'u1', false), ('int-1', 'e2', 'u2', false);
      INSERT INTO ${s}.groups VALUES ('int-1', 'g1', 'G1', null, '{}', false, now());
      INSERT INTO ${s}.records VALUES ('int-1', 'device', 'd1', '{"os":"iOS"}', false, now());
      INSERT INTO ${s}.checkpoints VALUES ('int-1', '{"delta":"t1"}', now());`);

    expect(await migratePostgres(admin, { schema })).toEqual({ applied: [latest], version: latest });

    const storage = await createPostgresStorage({ pool: admin, schema, migrate: false });
    const users = await storage.inspect.listUsers();
    expect(users.map((u) => [u.id, u.email, u.role, u.hgeIdAccountId, u.attributes])).toEqual([
      ["u1", "anna@x.io", "admin", "hge-1", { dept: "IT" }],
      ["u2", "bob@x.io", "viewer", null, {}],
    ]);
    expect((await storage.inspect.listLinks("int-1")).map((l) => l.externalId)).toEqual(["e1", "e2"]);
    expect((await storage.inspect.listGroups("int-1")).map((g) => g.externalId)).toEqual(["g1"]);
    expect((await storage.inspect.listRecords("int-1", "device"))[0]?.data).toEqual({ os: "iOS" });
    expect((await storage.checkpoints.get("int-1"))?.value).toEqual({ delta: "t1" });
    const swept = await storage.directory.applyPage(
      "int-1",
      { seen: { sweepId: "s1", users: ["e1"] }, finishSweep: { kind: "user", sweepId: "s1" } },
      "cp",
    );
    expect(swept.sweptUsers).toBe(1);
    await storage.close();
  });

  it("moves an integration's guard out of its mappings into the guard column", async () => {
    const schema = freshSchema();
    await migratePostgres(admin, { schema, to: latest - 1 });
    const s = `"${schema}"`;
    await admin.query(
      `INSERT INTO ${s}.integrations (id, tenant_id, connector_id, name, settings, direction, interval_minutes,
         mappings, enabled, created_at, updated_at, revision)
       VALUES ('guarded', 't1', 'fake', 'N', '{}', 'inbound', 60, $1::jsonb, true, now(), now(), 1),
         ('plain', 't1', 'fake', 'N', '{}', 'inbound', 60, $2::jsonb, true, now(), now(), 1)`,
      [
        JSON.stringify({ user: { email: "mail" }, $guard: { maxShare: 0.05, minCount: 25 } }),
        JSON.stringify({ user: { email: "mail" } }),
      ],
    );
    await migratePostgres(admin, { schema });
    const rows = await admin.query(`SELECT id, mappings, guard FROM ${s}.integrations ORDER BY id`);
    expect(rows.rows).toEqual([
      { id: "guarded", mappings: { user: { email: "mail" } }, guard: { maxShare: 0.05, minCount: 25 } },
      { id: "plain", mappings: { user: { email: "mail" } }, guard: null },
    ]);
    const storage = await createPostgresStorage({ pool: admin, schema, migrate: false });
    expect(await storage.integrations.get("guarded")).toMatchObject({
      mappings: { user: { email: "mail" } },
      guard: { maxShare: 0.05, minCount: 25 },
    });
    expect((await storage.integrations.get("plain"))?.guard).toBeUndefined();
    await storage.close();
  });

  it("applies each migration once when three instances migrate a fresh schema at once", async () => {
    const schema = freshSchema();
    const pools = [testPool(1), testPool(1), testPool(1)];
    const reports = await Promise.all(pools.map((pool) => migratePostgres(pool, { schema })));
    await Promise.all(pools.map((pool) => pool.end()));
    expect(reports.flatMap((r) => r.applied).sort()).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    expect(reports.every((r) => r.version === latest)).toBe(true);
    expect(await recorded(schema)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
  });

  it("rolls a failing migration back whole, leaving the schema at its version", async () => {
    const schema = freshSchema();
    await migratePostgres(admin, { schema });
    const broken = {
      version: latest + 1,
      name: "broken",
      up: (s: string) => `CREATE TABLE ${s}.half_done (id int); SELECT * FROM ${s}.no_such_table;`,
    };
    await expect(
      migratePostgres(admin, { schema, migrations: [...POSTGRES_MIGRATIONS, broken] }),
    ).rejects.toMatchObject({ code: "STORAGE_FAILED" });
    expect(await recorded(schema)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    const table = await admin.query("SELECT to_regclass($1) AS t", [`"${schema}".half_done`]);
    expect(table.rows[0]?.t).toBeNull();
  });

  it("refuses a schema name that is not a plain identifier", async () => {
    await expect(migratePostgres(admin, { schema: 'x"; DROP TABLE y; --' })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
    });
    await expect(createPostgresStorage({ pool: admin, schema: "bad-name" })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
    });
  });
});
