import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage, migratePostgres, type PostgresStorage } from "../src/index";
import { plansOf, recordSent } from "./support/plans-of";
import { dropSchema, randomSchema, testPool } from "./support/test-database";

const schema = randomSchema();
const pool = testPool(2);
const USERS = 50_000;
const PAGE = 999;
/** Every statement the adapter sent through the pool, with its parameters, so a test can EXPLAIN it. */
const sent = recordSent(pool);
let storage: PostgresStorage;

beforeAll(async () => {
  await migratePostgres(pool, { schema });
  storage = await createPostgresStorage({ pool, schema, migrate: false });
  // A directory the size at which a page's lookup used to become a scan of the whole table, without statistics
  // (as during a first sync, before autovacuum has analyzed anything).
  const s = `"${schema}"`;
  await pool.query(
    `INSERT INTO ${s}.users (id, email, display_name, active, role, attributes, created_at, updated_at)
     SELECT 'u' || i, 'user' || i || '@x.io', 'User ' || i, true, 'viewer', '{}', now(), now()
     FROM generate_series(1, ${USERS}) AS i`,
  );
  await pool.query(
    `INSERT INTO ${s}.user_links (integration_id, external_id, user_id)
     SELECT 'int-1', 'e' || i, 'u' || i FROM generate_series(1, ${USERS}) AS i`,
  );
}, 60_000);

afterAll(async () => {
  await dropSchema(pool, schema);
  await pool.end();
});

describe("a page's lookups probe the indexes, whatever the table's size", () => {
  it("finds a page of users by external id and by email without scanning users or links", async () => {
    const ids = Array.from({ length: PAGE }, (_, i) => 1 + ((i * 48_271) % USERS));
    sent.length = 0;
    const lookup = await storage.directory.findUsers("int-1", {
      externalIds: ids.map((i) => `e${i}`),
      emails: ids.map((i) => `user${i}@x.io`),
    });
    expect(lookup.byExternalId).toHaveLength(PAGE);
    expect(lookup.byEmail).toHaveLength(PAGE);
    expect(lookup.byExternalId[0]?.user.id).toBe(`u${ids[0]}`);
    const lookups = sent.filter((s) => /^\s*SELECT/.test(s.text));
    expect(lookups).toHaveLength(1);
    for (const statement of lookups) {
      const { custom, generic } = await plansOf(pool, statement);
      for (const plan of [custom, generic]) {
        expect(plan).not.toMatch(/Seq Scan on (users|user_links)/);
        expect(plan).not.toMatch(/Hash Join/);
        expect(plan).toMatch(/Index Scan/);
      }
    }
  });

  it("marks a page of known links (seen, reported, pending) through the primary key in its generic plan", async () => {
    const ids = Array.from({ length: PAGE }, (_, i) => `e${1 + ((i * 7_919) % USERS)}`);
    sent.length = 0;
    await storage.directory.applyPage(
      "int-1",
      {
        users: { reportedInactive: ids, markPendingDeactivation: ids.slice(0, 10) },
        seen: { sweepId: "sw", users: ids },
      },
      1,
    );
    const head = sent.find((s) => s.text.includes("statuses AS"));
    expect(head).toBeDefined();
    // The plan a named statement settles on after its first runs. (Those first custom plans weigh a thousand
    // probes against reading the integration's links, and may read them while the table is small.)
    const { generic } = await plansOf(pool, head!);
    expect(generic).toMatch(/Index Cond: \(\(integration_id = \$1\) AND \(external_id = ANY/);
    expect(generic).not.toMatch(/Seq Scan on user_links/);
  });
});
