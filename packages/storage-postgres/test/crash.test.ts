import type { DirectoryBatch } from "@uslimato/core/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage, migratePostgres, type PostgresStorage } from "../src/index";
import { type Fault, type InstrumentedPool, instrumentedPool } from "./support/instrumented-pool";
import { snapshotSchema } from "./support/snapshot-schema";
import { dropSchema, randomSchema, testPool } from "./support/test-database";

const schema = randomSchema();
const admin = testPool(2);
let faulty: InstrumentedPool;
let storage: PostgresStorage;

const user = (id: string) => ({
  id,
  email: `${id}@x.io`,
  displayName: id,
  active: true,
  role: "viewer",
  attributes: { n: 1 },
});

/** A page that touches every step of applyPage. */
const fullBatch: DirectoryBatch = {
  users: {
    create: [user("n1"), user("n2")],
    update: [{ userId: "s1", set: { displayName: "Changed", active: false } }],
    link: [
      { externalId: "en1", userId: "n1" },
      { externalId: "en2", userId: "n2" },
    ],
    markPendingDeactivation: ["es2"],
    clearPendingDeactivation: ["es3"],
  },
  groups: {
    upsert: [{ externalId: "g2", displayName: "G2", description: null, attributes: {} }],
    remove: ["g1"],
  },
  memberships: {
    add: [{ groupExternalId: "g2", userExternalId: "en1" }],
    remove: [{ groupExternalId: "g3", userExternalId: "es1" }],
  },
  records: [{ kind: "device", upsert: [{ externalId: "d2", data: { os: "iOS" } }], remove: ["d1"] }],
  seen: { sweepId: "sweep-2", users: ["en1", "es1"], groups: ["g2"] },
  finishSweep: { kind: "user", sweepId: "sweep-2" },
};

beforeAll(async () => {
  await migratePostgres(admin, { schema });
  faulty = instrumentedPool(2);
  storage = await createPostgresStorage({ pool: faulty.pool, schema, migrate: false });
  await storage.directory.applyPage(
    "int-1",
    {
      users: {
        create: [user("s1"), user("s2"), user("s3")],
        link: ["s1", "s2", "s3"].map((id) => ({ externalId: `e${id}`, userId: id })),
        markPendingDeactivation: ["es3"],
      },
      groups: {
        upsert: ["g1", "g3"].map((externalId) => ({
          externalId,
          displayName: null,
          description: null,
          attributes: {},
        })),
      },
      memberships: { add: [{ groupExternalId: "g3", userExternalId: "es1" }] },
      records: [{ kind: "device", upsert: [{ externalId: "d1", data: { os: "Windows" } }] }],
    },
    "cp-1",
  );
});

afterAll(async () => {
  await faulty.pool.end();
  await dropSchema(admin, schema);
  await admin.end();
});

/** How many statements a clean run of `fullBatch` sends (BEGIN..COMMIT), measured in a throwaway transaction. */
async function statementsOfFullBatch(): Promise<number> {
  const probe = instrumentedPool(1);
  const probeSchema = randomSchema();
  try {
    await migratePostgres(admin, { schema: probeSchema });
    const probeStorage = await createPostgresStorage({
      pool: probe.pool,
      schema: probeSchema,
      migrate: false,
    });
    await probeStorage.inspect.putUsers([
      { ...user("s1"), hgeIdAccountId: null, createdAt: new Date(), updatedAt: new Date() },
    ]);
    const before = probe.clientQueries;
    await probeStorage.directory.applyPage("int-1", fullBatch, "cp-2");
    return probe.clientQueries - before;
  } finally {
    await probe.pool.end();
    await dropSchema(admin, probeSchema);
  }
}

describe("a crash in the middle of applyPage leaves nothing half-written", () => {
  it.each<Fault>(["throw", "terminate"])("at every statement (%s)", async (fault) => {
    const statements = await statementsOfFullBatch();
    expect(statements).toBeGreaterThanOrEqual(12);
    const before = await snapshotSchema(admin, schema);
    for (let n = 2; n <= statements; n += 1) {
      faulty.failAt(n, fault);
      await expect(storage.directory.applyPage("int-1", fullBatch, "cp-2")).rejects.toMatchObject({
        code: "STORAGE_FAILED",
      });
      expect(await snapshotSchema(admin, schema), `failure at statement ${n}`).toEqual(before);
    }
    faulty.failAt(0, "throw");
  });

  it.each<Fault>(["throw", "terminate"])(
    "a page that is one statement (new users and links) writes nothing when it fails (%s)",
    async (fault) => {
      const before = await snapshotSchema(admin, schema);
      const page: DirectoryBatch = {
        users: {
          create: [user("h1"), user("h2")],
          link: [
            { externalId: "eh1", userId: "h1" },
            { externalId: "eh2", userId: "h2" },
          ],
        },
      };
      faulty.failAt(1, fault);
      await expect(storage.directory.applyPage("int-1", page, "cp-h")).rejects.toMatchObject({
        code: "STORAGE_FAILED",
      });
      faulty.failAt(0, "throw");
      expect(await snapshotSchema(admin, schema)).toEqual(before);
    },
  );

  it("a page that is one statement writes nothing when one of its new users takes a used email", async () => {
    const before = await snapshotSchema(admin, schema);
    const page: DirectoryBatch = {
      users: {
        create: [user("h3"), { ...user("h4"), email: "s1@x.io" }],
        link: [
          { externalId: "eh3", userId: "h3" },
          { externalId: "eh4", userId: "h4" },
        ],
      },
    };
    await expect(storage.directory.applyPage("int-1", page, "cp-h")).rejects.toMatchObject({
      code: "STORAGE_CONFLICT",
    });
    expect(await snapshotSchema(admin, schema)).toEqual(before);
  });

  it("rolls back earlier steps when a later step violates a constraint (a record of an unknown kind)", async () => {
    const before = await snapshotSchema(admin, schema);
    const failing = storage.directory.applyPage(
      "int-1",
      {
        users: { create: [user("late")], link: [{ externalId: "ex", userId: "late" }] },
        groups: { upsert: [{ externalId: "g9", displayName: null, description: null, attributes: {} }] },
        records: [{ kind: "printer" as "device", upsert: [{ externalId: "p1", data: {} }] }],
      },
      "cp-x",
    );
    await expect(failing).rejects.toMatchObject({ code: "STORAGE_FAILED" });
    expect(await snapshotSchema(admin, schema)).toEqual(before);
  });

  it("still works after the crashes, and then applies the whole page", async () => {
    const result = await storage.directory.applyPage("int-1", fullBatch, "cp-2");
    expect(result).toEqual({ sweptUsers: 2, sweptOthers: 0 });
    const links = await storage.inspect.listLinks("int-1");
    expect(links.filter((l) => l.pendingDeactivation).map((l) => l.externalId)).toEqual([
      "en2",
      "es2",
      "es3",
    ]);
    expect((await storage.checkpoints.get("int-1"))?.value).toBe("cp-2");
    expect((await storage.inspect.listUsers()).map((u) => u.id)).toEqual(["n1", "n2", "s1", "s2", "s3"]);
  });
});
