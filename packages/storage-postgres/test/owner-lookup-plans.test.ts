import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage, migratePostgres, type PostgresStorage } from "../src/index";
import { plansOf, recordSent } from "./support/plans-of";
import { dropSchema, randomSchema, testPool } from "./support/test-database";

const schema = randomSchema();
const pool = testPool(2);
const RECORDS = 30_000;
/** Every statement the adapter sent through the pool, with its parameters, so a test can EXPLAIN it. */
const sent = recordSent(pool);
let storage: PostgresStorage;

beforeAll(async () => {
  await migratePostgres(pool, { schema });
  storage = await createPostgresStorage({ pool, schema, migrate: false });
  const s = `"${schema}"`;
  await pool.query(
    `INSERT INTO ${s}.integrations VALUES
       ('ent', 't1', 'entra', 'Entra', '{}', 'inbound', 60, '{}', true, now(), now(), 1),
       ('dev', 't1', 'intune', 'Intune', '{}', 'inbound', 60, '{}', true, now(), now(), 1)`,
  );
  // Half the devices owned, half waiting for a user (by Entra object id and by email), without statistics.
  await pool.query(
    `INSERT INTO ${s}.records (integration_id, kind, external_id, data, owner_email, owner_external_id,
       owner_source, owner_user_id, removed, updated_at)
     SELECT 'dev', 'device', 'd' || i, '{}', 'user' || i || '@x.io', 'o' || i, 'entra',
       CASE WHEN i % 2 = 0 THEN 'u' || i END, false, now()
     FROM generate_series(1, ${RECORDS}) AS i`,
  );
}, 60_000);

afterAll(async () => {
  await dropSchema(pool, schema);
  await pool.end();
});

describe("owner lookups probe the owner indexes, never scan records", () => {
  it("lists one user's devices through records_owner_idx", async () => {
    sent.length = 0;
    expect((await storage.inspect.listRecordsByOwner("u42")).map((r) => r.externalId)).toEqual(["d42"]);
    const { custom: plan } = await plansOf(pool, sent.at(-1)!);
    expect(plan).toMatch(/records_owner_idx/);
    expect(plan).not.toMatch(/Seq Scan on records/);
  });

  it("a user page resolves waiting owners by link and by email through the waiting-owner indexes", async () => {
    sent.length = 0;
    await storage.directory.applyPage(
      "ent",
      {
        users: {
          create: [
            {
              id: "u1",
              email: "user1@x.io",
              displayName: null,
              active: true,
              role: "viewer",
              attributes: {},
            },
            {
              id: "u3",
              email: "other3@x.io",
              displayName: null,
              active: true,
              role: "viewer",
              attributes: {},
            },
          ],
          link: [
            { externalId: "o1", userId: "u1" },
            { externalId: "o3", userId: "u3" },
          ],
        },
      },
      null,
    );
    const owners = await storage.directory.findRecords("dev", "device", ["d1", "d3"]);
    expect(owners.map((r) => r.owner?.userId)).toEqual(["u1", "u3"]);
    const head = sent.find((s) => s.text.includes("owners_by_link"));
    expect(head).toBeDefined();
    // EXPLAIN without running the writes: the plans of the whole head statement, for these values and generic.
    const { custom, generic } = await plansOf(pool, head!);
    for (const plan of [custom, generic]) {
      expect(plan).toMatch(/records_waiting_external_idx/);
      expect(plan).toMatch(/records_waiting_email_idx/);
      expect(plan).not.toMatch(/Seq Scan on records/);
      // Whether anyone waits at all is one look at each partial index, before the updates.
      expect(plan).toMatch(/Index (Only )?Scan using records_waiting_external_idx on records w\b/);
      expect(plan).toMatch(/Index (Only )?Scan using records_waiting_email_idx on records w_1\b/);
      expect(plan.match(/One-Time Filter: \(\$\d+ IS NOT NULL\)/g)).toHaveLength(2);
    }
  });
});
