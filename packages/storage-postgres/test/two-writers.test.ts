import type { NewUser } from "@uslimato/core/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage, type PostgresStorage } from "../src/index";
import { dropSchema, randomSchema, testPool } from "./support/test-database";

const schema = randomSchema();
const pools = [testPool(3), testPool(3)];
let writers: PostgresStorage[] = [];

const users = (prefix: string, from: number, count: number): NewUser[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${from + i}`,
    email: `${prefix}${from + i}@x.io`,
    displayName: null,
    active: true,
    role: "viewer",
    attributes: { n: from + i },
  }));

const page = (create: NewUser[]) => ({
  users: { create, link: create.map((u) => ({ externalId: `ext-${u.id}`, userId: u.id })) },
});

beforeAll(async () => {
  // Both "processes" start at once and migrate the same fresh schema.
  writers = await Promise.all(pools.map((pool) => createPostgresStorage({ pool, schema })));
});

afterAll(async () => {
  await dropSchema(pools[0]!, schema);
  await Promise.all(pools.map((pool) => pool.end()));
});

describe("two writers on two pools", () => {
  it("write pages to different integrations concurrently without losing or mixing anything", async () => {
    const [a, b] = writers as [PostgresStorage, PostgresStorage];
    const run = (storage: PostgresStorage, integrationId: string, prefix: string) =>
      (async () => {
        for (let p = 0; p < 8; p += 1) {
          await storage.directory.applyPage(integrationId, page(users(prefix, p * 100, 100)), { page: p });
        }
      })();
    await Promise.all([run(a, "int-a", "a"), run(b, "int-b", "b")]);
    expect(await a.directory.countActiveLinkedUsers("int-a")).toBe(800);
    expect(await b.directory.countActiveLinkedUsers("int-b")).toBe(800);
    expect(
      (await a.inspect.listUsers({ integrationId: "int-b", limit: 1000 })).every((u) => u.id.startsWith("b")),
    ).toBe(true);
    expect((await b.checkpoints.get("int-a"))?.value).toEqual({ page: 7 });
    expect((await a.checkpoints.get("int-b"))?.value).toEqual({ page: 7 });
  });

  it("lets exactly one of two concurrent pages with the same new email win; the other writes nothing", async () => {
    const [a, b] = writers as [PostgresStorage, PostgresStorage];
    const shared = (id: string): NewUser => ({ ...users(id, 0, 1)[0]!, id, email: "shared@x.io" });
    const results = await Promise.allSettled([
      a.directory.applyPage("int-c", page([...users("c", 0, 300), shared("c-shared")]), "cp-c"),
      b.directory.applyPage("int-d", page([...users("d", 0, 300), shared("d-shared")]), "cp-d"),
    ]);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "STORAGE_CONFLICT" });
    const winner = results[0]?.status === "fulfilled" ? "c" : "d";
    const loser = winner === "c" ? "d" : "c";
    expect(await a.directory.countActiveLinkedUsers(`int-${winner}`)).toBe(301);
    expect(await a.directory.countActiveLinkedUsers(`int-${loser}`)).toBe(0);
    expect(await a.checkpoints.get(`int-${loser}`)).toBeNull();
    const found = await b.directory.findUsers(`int-${winner}`, { externalIds: [], emails: ["shared@x.io"] });
    expect(found.byEmail.map((m) => [m.user.id, m.linkedExternalIds])).toEqual([
      [`${winner}-shared`, [`ext-${winner}-shared`]],
    ]);
    // The loser retries without the taken email (as the runner would after reconciling) and succeeds.
    await writers[loser === "c" ? 0 : 1]!.directory.applyPage(
      `int-${loser}`,
      page(users(loser, 0, 300)),
      "retry",
    );
    expect(await a.directory.countActiveLinkedUsers(`int-${loser}`)).toBe(300);
  });
});
