import type { DirectoryBatch } from "@uslimato/core/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage, migratePostgres, type PostgresStorage } from "../src/index";
import { type InstrumentedPool, instrumentedPool } from "./support/instrumented-pool";
import { dropSchema, randomSchema } from "./support/test-database";

const schema = randomSchema();
let db: InstrumentedPool;
let storage: PostgresStorage;

/** A page of `n` items of every kind, touching every step of applyPage. */
function pageOf(n: number, offset: number): DirectoryBatch {
  const ids = Array.from({ length: n }, (_, i) => `${offset + i}`);
  return {
    users: {
      create: ids.map((i) => ({
        id: `u${i}`,
        email: `u${i}@x.io`,
        displayName: i,
        active: true,
        role: "viewer",
        attributes: {},
      })),
      update: ids.map((i) => ({ userId: `u${i}`, set: { displayName: `U${i}` } })),
      link: ids.map((i) => ({ externalId: `e${i}`, userId: `u${i}` })),
      markPendingDeactivation: ids.map((i) => `e${i}`),
      clearPendingDeactivation: ids.map((i) => `e${i}`),
    },
    groups: {
      upsert: ids.map((i) => ({ externalId: `g${i}`, displayName: null, description: null, attributes: {} })),
      remove: [],
    },
    memberships: { add: ids.map((i) => ({ groupExternalId: `g${i}`, userExternalId: `e${i}` })), remove: [] },
    records: [{ kind: "device", upsert: ids.map((i) => ({ externalId: `d${i}`, data: { i } })) }],
    seen: { sweepId: "s1", users: ids.map((i) => `e${i}`), groups: ids.map((i) => `g${i}`) },
  };
}

beforeAll(async () => {
  db = instrumentedPool(3);
  await migratePostgres(db.pool, { schema });
  storage = await createPostgresStorage({ pool: db.pool, schema, migrate: false });
});

afterAll(async () => {
  await dropSchema(db.pool, schema);
  await db.pool.end();
});

type LinkColumns = { id: string; reported: boolean; pending: boolean; sweep: string | null };
const byId = (a: LinkColumns, b: LinkColumns) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The reported status, pending mark and sweep mark of every link of an integration, by external id. */
async function linkColumns(integrationId: string): Promise<LinkColumns[]> {
  const result = await db.pool.query<LinkColumns>(
    `SELECT external_id AS id, reported_active AS reported, pending_deactivation AS pending, last_seen_sweep AS sweep
     FROM "${schema}".user_links WHERE integration_id = $1 ORDER BY external_id COLLATE "C"`,
    [integrationId],
  );
  return result.rows;
}

const statements = async (work: () => Promise<unknown>) => {
  const before = db.clientQueries + db.poolQueries;
  await work();
  return db.clientQueries + db.poolQueries - before;
};

describe("no N+1: statements per call do not grow with the page", () => {
  it("applyPage sends the same statements for 2 and for 999 items of every kind", async () => {
    const small = await statements(() => storage.directory.applyPage("int-1", pageOf(2, 0), 1));
    const large = await statements(() => storage.directory.applyPage("int-1", pageOf(999, 1000), 2));
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(16);
    expect(await storage.directory.countActiveLinkedUsers("int-1")).toBe(1001);
  });

  it("a page of only new users and their links, seen by a sweep, is one statement: no BEGIN, no COMMIT", async () => {
    const create = Array.from({ length: 999 }, (_, i) => ({
      id: `one-${i}`,
      email: `one-${i}@x.io`,
      displayName: null,
      active: true,
      role: "viewer",
      attributes: { i },
    }));
    const link = create.map((u) => ({ externalId: `one-${u.id}`, userId: u.id }));
    const before = db.clientQueries;
    const count = await statements(() =>
      storage.directory.applyPage(
        "int-one",
        { users: { create, link }, seen: { sweepId: "sw", users: link.map((l) => l.externalId) } },
        { page: 1 },
      ),
    );
    expect(count).toBe(1);
    expect(db.clientQueries - before).toBe(1);
    expect(await storage.directory.countActiveLinkedUsers("int-one")).toBe(999);
    expect((await storage.checkpoints.get("int-one"))?.value).toEqual({ page: 1 });
    // The links carry the sweep's mark: ending that sweep marks none of them for deactivation.
    const end = await storage.directory.applyPage(
      "int-one",
      { finishSweep: { kind: "user", sweepId: "sw" } },
      2,
    );
    expect(end).toEqual({ sweptUsers: 0, sweptOthers: 0 });
  });

  it("a first-sync page that also reports its users is one statement, the reported status on the new links", async () => {
    const create = Array.from({ length: 999 }, (_, i) => ({
      id: `rep-${i}`,
      email: `rep-${i}@x.io`,
      displayName: null,
      active: i % 3 !== 0,
      role: "viewer",
      attributes: {},
    }));
    const link = create.map((u) => ({ externalId: `x-${u.id}`, userId: u.id }));
    const count = await statements(() =>
      storage.directory.applyPage(
        "int-rep",
        {
          users: {
            create,
            link,
            reportedActive: link.filter((_, i) => i % 3 !== 0).map((l) => l.externalId),
            reportedInactive: link.filter((_, i) => i % 3 === 0).map((l) => l.externalId),
          },
          seen: { sweepId: "sw", users: link.map((l) => l.externalId) },
        },
        1,
      ),
    );
    expect(count).toBe(1);
    expect(await linkColumns("int-rep")).toEqual(
      link
        .map((l, i) => ({ id: l.externalId, reported: i % 3 !== 0, pending: false, sweep: "sw" }))
        .sort(byId),
    );
  });

  it("a page of known users seen again, reported and marked is one statement; a new link marked pending is not", async () => {
    const ids = Array.from({ length: 999 }, (_, i) => `k-${i}`);
    await storage.directory.applyPage(
      "int-known",
      {
        users: {
          create: ids.map((id) => ({
            id,
            email: `${id}@x.io`,
            displayName: null,
            active: true,
            role: "viewer",
            attributes: {},
          })),
          link: ids.map((id) => ({ externalId: `x-${id}`, userId: id })),
        },
      },
      1,
    );
    const ext = ids.map((id) => `x-${id}`);
    const count = await statements(() =>
      storage.directory.applyPage(
        "int-known",
        {
          users: {
            markPendingDeactivation: ext.filter((_, i) => i % 4 === 0),
            clearPendingDeactivation: ext.filter((_, i) => i % 8 === 0),
            reportedActive: ext.filter((_, i) => i % 2 === 0),
            reportedInactive: ext.filter((_, i) => i % 2 === 1),
          },
          seen: { sweepId: "sw2", users: ext.filter((_, i) => i % 5 !== 0) },
        },
        2,
      ),
    );
    expect(count).toBe(1);
    expect(await linkColumns("int-known")).toEqual(
      ext
        .map((id, i) => ({
          id,
          reported: i % 2 === 0,
          pending: i % 4 === 0 && i % 8 !== 0,
          sweep: i % 5 !== 0 ? "sw2" : null,
        }))
        .sort(byId),
    );
    // A link written and marked by one page: the mark lands after the link, in the same transaction.
    const before = db.clientQueries;
    await storage.directory.applyPage(
      "int-known",
      {
        users: {
          link: [{ externalId: "x-new", userId: "k-1" }],
          markPendingDeactivation: ["x-new", "x-k-2"],
          reportedInactive: ["x-new"],
        },
      },
      3,
    );
    expect(db.clientQueries - before).toBe(4); // BEGIN, head, the new link's mark, COMMIT
    const after = await linkColumns("int-known");
    expect(after.find((l) => l.id === "x-new")).toEqual({
      id: "x-new",
      reported: false,
      pending: true,
      sweep: null,
    });
    expect(after.find((l) => l.id === "x-k-2")?.pending).toBe(true);
  });

  it("findUsers is one query for any number of ids and emails", async () => {
    const ids = Array.from({ length: 999 }, (_, i) => `${1000 + i}`);
    const count = await statements(async () => {
      const found = await storage.directory.findUsers("int-1", {
        externalIds: ids.map((i) => `e${i}`),
        emails: ids.map((i) => `u${i}@x.io`),
      });
      expect(found.byExternalId).toHaveLength(999);
      expect(found.byEmail).toHaveLength(999);
      expect(found.byEmail[0]?.linkedExternalIds).toEqual(["e1000"]);
    });
    expect(count).toBe(1);
  });

  it("every other directory call is one statement, whatever the number of items", async () => {
    const ids = Array.from({ length: 999 }, (_, i) => `${1000 + i}`);
    expect(
      await statements(async () => {
        expect(
          await storage.directory.findGroups(
            "int-1",
            ids.map((i) => `g${i}`),
          ),
        ).toHaveLength(999);
      }),
    ).toBe(1);
    expect(
      await statements(async () => {
        expect(
          await storage.directory.findRecords(
            "int-1",
            "device",
            ids.map((i) => `d${i}`),
          ),
        ).toHaveLength(999);
      }),
    ).toBe(1);
    await storage.directory.applyPage(
      "int-1",
      { users: { markPendingDeactivation: ids.map((i) => `e${i}`) } },
      3,
    );
    expect(
      await statements(async () => {
        expect(await storage.directory.countPendingDeactivations("int-1")).toBe(999);
      }),
    ).toBe(1);
    expect(
      await statements(async () => {
        expect(await storage.directory.commitPendingDeactivations("int-1")).toBe(999);
      }),
    ).toBe(1);
    const now = new Date();
    const hostUsers = ids.map((i) => ({
      id: `host-${i}`,
      email: `host-${i}@x.io`,
      displayName: null,
      active: true,
      role: "admin",
      hgeIdAccountId: `hge-${i}`,
      attributes: {},
      createdAt: now,
      updatedAt: now,
    }));
    expect(await statements(() => storage.inspect.putUsers(hostUsers))).toBe(1);
  });
});
