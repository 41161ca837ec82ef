import type { JsonObject, NewUser } from "@uslimato/core/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage, migratePostgres, type PostgresStorage } from "../src/index";
import { dropSchema, randomSchema, testPool } from "./support/test-database";

const schema = randomSchema();
const pool = testPool(2);
let storage: PostgresStorage;

beforeAll(async () => {
  await migratePostgres(pool, { schema });
  storage = await createPostgresStorage({ pool, schema, migrate: false });
});

afterAll(async () => {
  await dropSchema(pool, schema);
  await pool.end();
});

/** Text that an array literal or a JSON document must escape or keep as it is. */
const awkward = ['say "hi"', "back\\slash", "{braces}", "a,b", "NULL", "", "  spaced  ", "ünï 😀 ∑", "\t\n"];

const attributesOf = (i: number): JsonObject => ({
  text: awkward[i % awkward.length] ?? "",
  nested: { list: [1, -2.5, 1e21, true, null, 'x"y'], empty: {} },
  [awkward[(i + 1) % awkward.length] ?? "k"]: i,
});

const user = (i: number): NewUser => ({
  id: `v-${i}`,
  email: `v-${i}@x.io`,
  displayName: i % 4 === 0 ? null : (awkward[i % awkward.length] ?? null),
  active: i % 3 !== 0,
  role: i % 5 === 0 ? 'admin "x"' : "viewer",
  attributes: attributesOf(i),
});

describe("a page's values are stored exactly", () => {
  it("new users and their updates keep every character of names, roles and attributes", async () => {
    const create = Array.from({ length: 40 }, (_, i) => user(i));
    await storage.directory.applyPage(
      "int-v",
      { users: { create, link: create.map((u) => ({ externalId: `x-${u.id}`, userId: u.id })) } },
      1,
    );
    const stored = (await storage.inspect.listUsers()).map(
      ({ id, email, displayName, active, role, attributes }) => ({
        id,
        email,
        displayName,
        active,
        role,
        attributes,
      }),
    );
    expect(stored.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...create].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );

    // Updates: attributes only where given, the others kept as they were.
    const update = create.map((u, i) =>
      i % 2 === 0
        ? { userId: u.id, set: { attributes: { replaced: awkward[i % awkward.length] ?? "", i } } }
        : { userId: u.id, set: { displayName: `${u.displayName ?? ""}!` } },
    );
    await storage.directory.applyPage("int-v", { users: { update } }, 2);
    const after = new Map((await storage.inspect.listUsers()).map((u) => [u.id, u]));
    for (const [i, u] of create.entries()) {
      const now = after.get(u.id);
      if (i % 2 === 0) {
        expect(now?.attributes).toEqual({ replaced: awkward[i % awkward.length] ?? "", i });
        expect(now?.displayName).toBe(u.displayName);
      } else {
        expect(now?.attributes).toEqual(u.attributes);
        expect(now?.displayName).toBe(`${u.displayName ?? ""}!`);
      }
    }
  });
});
