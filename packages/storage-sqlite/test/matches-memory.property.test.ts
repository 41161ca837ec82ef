import { createMemoryStorage } from "@uslimato/core";
import type { DirectoryBatch, InspectableStorage } from "@uslimato/core/storage";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSqliteStorage } from "../src/index";

const id = fc.constantFrom("a", "b", "c", "d");
const email = fc.constantFrom("a@x.io", "b@x.io", "c@x.io", "d@x.io", "e@x.io");
const ext = fc.constantFrom("e1", "e2", "e3");
const group = fc.constantFrom("g1", "g2");

const batch: fc.Arbitrary<DirectoryBatch> = fc.record(
  {
    users: fc.record(
      {
        create: fc.array(
          fc.record({
            id,
            email,
            displayName: fc.constant(null),
            active: fc.boolean(),
            role: fc.constant("viewer"),
            attributes: fc.constant({}),
          }),
          { maxLength: 3 },
        ),
        update: fc.array(
          fc.record({ userId: id, set: fc.record({ email, active: fc.boolean() }, { requiredKeys: [] }) }),
          { maxLength: 3 },
        ),
        link: fc.array(fc.record({ externalId: ext, userId: id }), { maxLength: 3 }),
        markPendingDeactivation: fc.array(ext, { maxLength: 2 }),
        clearPendingDeactivation: fc.array(ext, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
    groups: fc.record({
      upsert: fc.array(
        fc.record({
          externalId: group,
          displayName: fc.constant("G"),
          description: fc.constant(null),
          attributes: fc.constant({}),
        }),
        { maxLength: 2 },
      ),
      remove: fc.array(group, { maxLength: 1 }),
    }),
    memberships: fc.record({
      add: fc.array(fc.record({ groupExternalId: group, userExternalId: ext }), { maxLength: 3 }),
    }),
    seen: fc.record({
      sweepId: fc.constantFrom("s1", "s2"),
      users: fc.array(ext, { maxLength: 2 }),
      groups: fc.array(group, { maxLength: 1 }),
    }),
    finishSweep: fc.record({
      kind: fc.constantFrom("user" as const, "group" as const),
      sweepId: fc.constantFrom("s1", "s2"),
    }),
  },
  { requiredKeys: [] },
);

const outcome = async (storage: InspectableStorage, b: DirectoryBatch, n: number) => {
  try {
    return await storage.directory.applyPage("int-1", b, n);
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

const snapshot = async (storage: InspectableStorage) => ({
  users: (await storage.inspect.listUsers()).map(({ createdAt, updatedAt, ...u }) => u),
  links: await storage.inspect.listLinks("int-1"),
  groups: (await storage.inspect.listGroups("int-1")).map(({ updatedAt, ...g }) => g),
  memberships: await storage.inspect.listMemberships("int-1"),
  pending: await storage.directory.countPendingDeactivations("int-1"),
  checkpoint: (await storage.checkpoints.get("int-1"))?.value,
});

describe("sqlite and memory adapters agree", () => {
  it("give the same results and state for any sequence of pages", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 6 }), async (batches) => {
        const memory = createMemoryStorage();
        const sqlite = createSqliteStorage({ filename: ":memory:" });
        try {
          for (const [n, b] of batches.entries()) {
            expect(await outcome(sqlite, b, n)).toEqual(await outcome(memory, b, n));
            expect(await snapshot(sqlite)).toEqual(await snapshot(memory));
          }
        } finally {
          await sqlite.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
