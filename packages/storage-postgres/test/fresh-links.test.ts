import type { DirectoryBatch } from "@uslimato/core/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage, migratePostgres, type PostgresStorage } from "../src/index";
import { recordSent } from "./support/plans-of";
import { dropSchema, randomSchema, testPool } from "./support/test-database";

const schema = randomSchema();
const pool = testPool(3);
const sent = recordSent(pool);
let storage: PostgresStorage;

beforeAll(async () => {
  await migratePostgres(pool, { schema });
  storage = await createPostgresStorage({ pool, schema, migrate: false });
});

afterAll(async () => {
  await dropSchema(pool, schema);
  await pool.end();
});

/** A page creating users `ids` and linking each to `x-<id>`. */
const newPeople = (ids: string[]): DirectoryBatch => ({
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
});

const linksOf = async (integrationId: string) =>
  (
    await pool.query<{ external_id: string; user_id: string }>(
      `SELECT external_id, user_id FROM "${schema}".user_links WHERE integration_id = $1 ORDER BY 1`,
      [integrationId],
    )
  ).rows;

describe("links a lookup found missing are plain inserts", () => {
  it("inserts them without a conflict check, and upserts links it was not told about", async () => {
    const ids = ["a1", "a2", "a3"];
    await storage.directory.findUsers("int-a", { externalIds: ids.map((id) => `x-${id}`), emails: [] });
    sent.length = 0;
    await storage.directory.applyPage("int-a", newPeople(ids), 1);
    const head = sent.find((s) => s.text.includes("INSERT INTO"))!;
    expect(head.text).toMatch(/inserted AS \(INSERT INTO \S+\.user_links/);
    expect(head.text).not.toMatch(/ON CONFLICT \(integration_id, external_id\)/);
    // Linked now: the next link of the same external id is an upsert that re-points it.
    sent.length = 0;
    await storage.directory.applyPage(
      "int-a",
      { users: { link: [{ externalId: "x-a1", userId: "a2" }] } },
      2,
    );
    expect(sent.find((s) => s.text.includes("INSERT INTO"))!.text).toMatch(
      /ON CONFLICT \(integration_id, external_id\)/,
    );
    expect((await linksOf("int-a")).map((l) => [l.external_id, l.user_id])).toEqual([
      ["x-a1", "a2"],
      ["x-a2", "a2"],
      ["x-a3", "a3"],
    ]);
  });

  it("a link written by someone else after the lookup is STORAGE_CONFLICT with nothing written, then an upsert", async () => {
    await storage.directory.findUsers("int-b", { externalIds: ["x-b1", "x-b2"], emails: [] });
    await pool.query(
      `INSERT INTO "${schema}".user_links (integration_id, external_id, user_id) VALUES ('int-b', 'x-b1', 'elsewhere')`,
    );
    await expect(storage.directory.applyPage("int-b", newPeople(["b1", "b2"]), 1)).rejects.toMatchObject({
      code: "STORAGE_CONFLICT",
    });
    expect(await storage.checkpoints.get("int-b")).toBeNull();
    expect(
      (await storage.directory.findUsers("int-b", { externalIds: [], emails: ["b1@x.io"] })).byEmail,
    ).toEqual([]);
    // The same page again (as the runner does after planning it again) re-points the link.
    await storage.directory.applyPage("int-b", newPeople(["b1", "b2"]), 1);
    expect((await linksOf("int-b")).map((l) => [l.external_id, l.user_id])).toEqual([
      ["x-b1", "b1"],
      ["x-b2", "b2"],
    ]);
  });
});

describe("links to users the page creates are plain inserts, lookup or not", () => {
  const heads = () => sent.filter((s) => s.text.includes("INSERT INTO") && s.text.includes("user_links"));

  it("inserts them without a conflict check when no lookup came first", async () => {
    sent.length = 0;
    await storage.directory.applyPage("int-c", newPeople(["c1", "c2"]), 1);
    expect(heads()).toHaveLength(1);
    expect(heads()[0]!.text).toMatch(/inserted AS \(INSERT INTO \S+\.user_links/);
    expect(heads()[0]!.text).not.toMatch(/ON CONFLICT \(integration_id, external_id\)/);
    expect((await linksOf("int-c")).map((l) => [l.external_id, l.user_id])).toEqual([
      ["x-c1", "c1"],
      ["x-c2", "c2"],
    ]);
  });

  it("writes the page again with an upsert when such a link exists already: it is re-pointed, nothing is lost", async () => {
    await pool.query(
      `INSERT INTO "${schema}".user_links (integration_id, external_id, user_id) VALUES ('int-d', 'x-d1', 'elsewhere')`,
    );
    sent.length = 0;
    await storage.directory.applyPage("int-d", newPeople(["d1", "d2"]), { page: 1 });
    expect(heads().map((h) => /ON CONFLICT \(integration_id, external_id\)/.test(h.text))).toEqual([
      false,
      true,
    ]);
    expect((await linksOf("int-d")).map((l) => [l.external_id, l.user_id])).toEqual([
      ["x-d1", "d1"],
      ["x-d2", "d2"],
    ]);
    expect((await storage.checkpoints.get("int-d"))?.value).toEqual({ page: 1 });
    expect(
      (await storage.directory.findUsers("int-d", { externalIds: [], emails: ["d1@x.io", "d2@x.io"] }))
        .byEmail,
    ).toHaveLength(2);
  });

  it("a taken email is still STORAGE_CONFLICT, written once: only an existing link is written again", async () => {
    await storage.directory.applyPage("int-e", newPeople(["e1"]), 1);
    sent.length = 0;
    const taken = { ...newPeople(["e2"]) };
    taken.users!.create = [{ ...taken.users!.create![0]!, email: "e1@x.io" }];
    await expect(storage.directory.applyPage("int-e", taken, 2)).rejects.toMatchObject({
      code: "STORAGE_CONFLICT",
      details: { constraint: "users_email_unique" },
    });
    expect(heads()).toHaveLength(1);
    expect(await storage.checkpoints.get("int-e")).toMatchObject({ value: 1 });
  });
});
