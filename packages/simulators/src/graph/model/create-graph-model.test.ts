import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGraphModel } from "./create-graph-model";

describe("createGraphModel", () => {
  it("is deterministic for a seed and different across seeds", () => {
    const a = createGraphModel({ seed: "tenant-a", users: 1000 });
    const b = createGraphModel({ seed: "tenant-a", users: 1000 });
    const c = createGraphModel({ seed: "tenant-b", users: 1000 });
    expect(a.userEntry(123).user).toEqual(b.userEntry(123).user);
    expect(a.tenantId).toBe(b.tenantId);
    expect(a.userEntry(123).user.id).not.toBe(c.userEntry(123).user.id);
  });

  it("creates a 1,000,000-user tenant without touching each user, and reads any user in O(1)", () => {
    const model = createGraphModel({ seed: 1, users: 1_000_000 });
    expect(model.counts()).toMatchObject({ users: 1_000_000, devices: 800_000, groups: 1000 });
    const last = model.userEntry(999_999).user;
    expect(model.getUser(last.id)).toEqual(last);
    expect(model.userIndex(last.id)).toBe(999_999);
  });

  it("maps every id back to its index (ids are unique)", () => {
    const model = createGraphModel({ seed: 99, users: 5_000_000 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_999_999 }), (index) => {
        const id = model.userEntry(index).user.id;
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(model.userIndex(id)).toBe(index);
      }),
    );
    expect(model.userIndex("00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("keeps the lifecycle honest: restore only from soft delete, hard-deleted users are gone", () => {
    const model = createGraphModel({ users: 3 });
    const id = model.userEntry(0).user.id;
    expect(() => model.restoreUser(id)).toThrow(expect.objectContaining({ code: "INVALID_STATE" }));
    model.softDeleteUser(id);
    expect(model.getUser(id)).toBeUndefined();
    expect(model.counts()).toMatchObject({ users: 2, softDeletedUsers: 1 });
    model.restoreUser(id);
    model.hardDeleteUser(id);
    expect(() => model.updateUser(id, { jobTitle: "x" })).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect([...model.listUsers()]).toHaveLength(2);
    expect(model.changesBetween(1, model.sequence).map((c) => c.changeType)).toEqual([
      "updated",
      "updated",
      "deleted",
    ]);
  });
});

describe("isPristineRange", () => {
  it("agrees with isPristineUser over every slot of the range, whichever way it counts", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 199 }), { maxLength: 40 }),
        fc.integer({ min: -5, max: 210 }),
        fc.integer({ min: 0, max: 120 }),
        fc.boolean(),
        (changed, from, length, grow) => {
          const model = createGraphModel({ users: 200, seed: 5 });
          for (const index of changed) model.updateUser(model.userEntry(index).user.id, { jobTitle: "x" });
          if (grow) model.addUser();
          const to = from + length;
          let expected = true;
          for (let index = from; index < to; index++) if (!model.isPristineUser(index)) expected = false;
          expect(model.isPristineRange(from, to)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
