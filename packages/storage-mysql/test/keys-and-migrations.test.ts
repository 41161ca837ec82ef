import { createMysqlStorage, type MysqlStorage } from "@uslimato/storage-mysql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./mysql-test-database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let storage: MysqlStorage;

beforeAll(async () => {
  database = await createTestDatabase();
  storage = await createMysqlStorage({ pool: database.pool, tablePrefix: "k_" });
});

afterAll(async () => {
  await storage?.close();
  await database?.drop();
});

const newUser = (id: string, email: string) => ({
  id,
  email,
  displayName: id,
  active: true,
  role: "viewer",
  attributes: {},
});

describe("storage-mysql keys and migrations", () => {
  it("keeps keys apart that a case-, accent- or pad-insensitive collation would merge", async () => {
    const ids = ["abc", "ABC", "ábc", "abc ", "a\u0000bc"];
    await storage.directory.applyPage(
      "int-keys",
      {
        users: {
          create: ids.map((_, i) => newUser(`u${i}`, `${["x", "X", "é", "x ", "x\u0000"][i]}@example.com`)),
          link: ids.map((externalId, i) => ({ externalId, userId: `u${i}` })),
        },
        records: [
          { kind: "device", upsert: ids.map((externalId) => ({ externalId, data: { name: externalId } })) },
        ],
      },
      { page: 1 },
    );
    const links = await storage.inspect.listLinks("int-keys");
    expect(links.map((l) => l.externalId).sort()).toEqual([...ids].sort());
    const found = await storage.directory.findUsers("int-keys", {
      externalIds: ["ABC"],
      emails: ["é@example.com"],
    });
    expect(found.byExternalId.map((m) => m.user.id)).toEqual(["u1"]);
    expect(found.byEmail.map((m) => m.user.id)).toEqual(["u2"]);
    const devices = await storage.directory.findRecords("int-keys", "device", ["abc "]);
    expect(devices.map((d) => d.data)).toEqual([{ name: "abc " }]);
  });

  it("migrates once, records its version, and a second start applies nothing", async () => {
    const again = await createMysqlStorage({ pool: database.pool, tablePrefix: "k_" });
    expect(await again.migrate()).toEqual({ applied: [], version: 1 });
    const fresh = await createMysqlStorage({ pool: database.pool, tablePrefix: "fresh_", migrate: false });
    expect(await fresh.migrate()).toEqual({ applied: [1], version: 1 });
    const [tables] = await database.pool.query(
      "SELECT table_collation AS c FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'fresh_users'",
    );
    expect((tables as Array<{ c: string }>)[0]?.c).toMatch(/_bin$/);
  });

  it("refuses a table prefix that is not a plain identifier", async () => {
    await expect(createMysqlStorage({ pool: database.pool, tablePrefix: "x`; DROP" })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
    });
  });
});
