import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../connector/json";
import type { StoredUser } from "../storage/records";
import type { UserLookup } from "../storage/storage-adapter";
import { reconcileNewUsers } from "./reconcile-new-users";
import { reconcileUsers } from "./reconcile-users";
import type { UserCandidate } from "./user-candidate";

const candidate = (
  externalId: string,
  email: string | null,
  active = true,
  displayName = externalId,
): UserCandidate => ({
  externalId,
  email,
  displayName,
  active,
  attributes: {},
  createOnly: new Set(),
  warnings: [],
});

const user = (id: string, email: string, extra: Partial<StoredUser> = {}): StoredUser => ({
  id,
  email,
  displayName: id,
  active: true,
  role: "viewer",
  hgeIdAccountId: null,
  attributes: {},
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...extra,
});

let n = 0;
const newId = () => `new-${++n}`;
const noLookup = { byExternalId: [], byEmail: [] };

describe("reconcileUsers", () => {
  it("links by email to an existing HGE ID user without touching the linkage", () => {
    const existing = user("u1", "a@x.com", { hgeIdAccountId: "hge", role: "admin" });
    const result = reconcileUsers(
      [candidate("e1", "a@x.com", true, "Alice")],
      [],
      { byExternalId: [], byEmail: [{ user: existing, linkedExternalIds: [] }] },
      { newId },
    );
    expect(result.batch.link).toEqual([{ externalId: "e1", userId: "u1" }]);
    expect(result.batch.update).toEqual([{ userId: "u1", set: { displayName: "Alice" } }]);
    expect(result.batch.create).toEqual([]);
  });

  it("fails the whole record when a linked user's new email belongs to another user", () => {
    const mine = user("u1", "old@x.com");
    const other = user("u2", "taken@x.com");
    const result = reconcileUsers(
      [{ ...candidate("e1", "taken@x.com", false, "New name"), attributes: { dept: "IT" } }],
      [],
      {
        byExternalId: [
          {
            link: { integrationId: "i", externalId: "e1", userId: "u1", pendingDeactivation: false },
            user: mine,
          },
        ],
        byEmail: [{ user: other, linkedExternalIds: ["e2"] }],
      },
      { newId },
    );
    expect(result.batch.update).toEqual([]);
    expect(result.batch.markPendingDeactivation).toEqual([]);
    expect(result.failed).toBe(1);
    expect(result.retry).toEqual(["e1"]);
    expect(result.errors).toMatchObject([
      { code: "RECORD_EMAIL_TAKEN", severity: "error", externalId: "e1" },
    ]);
    for (const part of ["u1", "u2", "e1", "e2", "taken@x.com"])
      expect(result.errors[0]?.message).toContain(part);
  });

  it("marks disabled and removed linked users for deactivation instead of writing active=false", () => {
    const a = user("u1", "a@x.com");
    const b = user("u2", "b@x.com");
    const link = (externalId: string, userId: string) => ({
      integrationId: "i",
      externalId,
      userId,
      pendingDeactivation: false,
    });
    const result = reconcileUsers(
      [candidate("e1", "a@x.com", false, "u1")],
      [{ externalId: "e2", reason: "softDeleted" }],
      {
        byExternalId: [
          { link: link("e1", "u1"), user: a },
          { link: link("e2", "u2"), user: b },
        ],
        byEmail: [],
      },
      { newId },
    );
    expect([...(result.batch.markPendingDeactivation ?? [])].sort()).toEqual(["e1", "e2"]);
    expect(result.batch.update).toEqual([]);
  });

  it("never creates two users with one email, and fails exactly the extra records", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom("a", "b", "c", "d", "e", null)), {
          maxLength: 40,
        }),
        (rows) => {
          const seen = new Set<number>();
          const candidates = rows
            .filter(([id]) => !seen.has(id) && seen.add(id))
            .map(([id, local]) => candidate(`e${id}`, local === null ? null : `${local}@x.com`));
          const result = reconcileUsers(candidates, [], noLookup, { newId });
          const emails = result.batch.create!.map((c) => c.email);
          const distinct = new Set(candidates.flatMap((c) => (c.email ? [c.email] : []))).size;
          expect(new Set(emails).size).toBe(emails.length);
          expect(result.created).toBe(distinct);
          expect(result.created + result.failed).toBe(candidates.length);
          expect(result.batch.create!.every((c) => c.role === "viewer")).toBe(true);
        },
      ),
    );
  });

  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.constantFrom(null, true, false, 0, 1, "a", "b"),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom("k1", "k2", "k3"), tie("value"), { maxKeys: 3 }),
    ),
  })).value as fc.Arbitrary<JsonValue>;
  const attributes = fc.dictionary(fc.constantFrom("dept", "office", "phones", "manager"), json, {
    maxKeys: 4,
  });

  /** The same JSON with every object's keys in reverse order. */
  const reordered = (value: JsonValue): JsonValue => {
    if (Array.isArray(value)) return value.map(reordered);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    );
  };

  const linkedPage = fc.array(
    fc.record({
      local: fc.constantFrom("a", "b", "c", "d"),
      newLocal: fc.constantFrom("a", "b", "c", "d", "e"),
      stored: attributes,
      incoming: attributes,
      active: fc.boolean(),
      pending: fc.boolean(),
    }),
    { maxLength: 8 },
  );

  it("decides a page of distinct new records as reconcileNewUsers does", () => {
    const failure = (externalId: string) => ({
      externalId,
      kind: "user" as const,
      field: "email",
      code: "RECORD_INVALID",
      message: "refused",
      severity: "error" as const,
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            email: fc.boolean(),
            active: fc.constantFrom(true, false, undefined),
            displayName: fc.constantFrom("A", null, undefined),
            failed: fc.boolean(),
            warned: fc.boolean(),
            attributes,
          }),
          { maxLength: 12 },
        ),
        (rows) => {
          const candidates: UserCandidate[] = rows.map((row, i) => ({
            ...candidate(`e${i}`, row.email ? `u${i}@x.com` : null),
            active: row.active,
            displayName: row.displayName,
            attributes: row.attributes,
            warnings: row.warned ? [{ ...failure(`e${i}`), severity: "warning" }] : [],
            ...(row.failed ? { failure: failure(`e${i}`) } : {}),
          }));
          let general = 0;
          let direct = 0;
          expect(reconcileNewUsers(candidates, () => `id-${++direct}`)).toEqual(
            reconcileUsers(candidates, [], noLookup, { newId: () => `id-${++general}` }),
          );
        },
      ),
    );
  });

  it("is pure: neither the candidates nor the lookup change", () => {
    fc.assert(
      fc.property(
        linkedPage,
        fc.array(fc.constantFrom("a", "b", "x", "y"), { maxLength: 5 }),
        (rows, fresh) => {
          const lookup: UserLookup = { byExternalId: [], byEmail: [] };
          const candidates: UserCandidate[] = [];
          rows.forEach((row, i) => {
            const stored = user(`u${i}`, `${row.local}${i}@x.com`, { attributes: row.stored });
            lookup.byExternalId.push({
              link: {
                integrationId: "i",
                externalId: `e${i}`,
                userId: stored.id,
                pendingDeactivation: row.pending,
              },
              user: stored,
            });
            lookup.byEmail.push({ user: stored, linkedExternalIds: [`e${i}`] });
            candidates.push({
              ...candidate(`e${i}`, `${row.newLocal}${i % 2}@x.com`, row.active, `Name ${i}`),
              attributes: row.incoming,
            });
          });
          fresh.forEach((local, i) => {
            candidates.push(candidate(`n${i}`, `${local}0@x.com`));
          });
          const removals = rows.map((_, i) => ({ externalId: `e${i}`, reason: "deleted" as const }));
          const before = structuredClone({ candidates, lookup, removals });
          reconcileUsers(candidates, removals, lookup, { newId });
          expect({ candidates, lookup, removals }).toEqual(before);
        },
      ),
    );
  });

  it("does not update a user whose attributes differ only in key order", () => {
    fc.assert(
      fc.property(attributes, (stored) => {
        const existing = user("u1", "a@x.com", { attributes: stored });
        const result = reconcileUsers(
          [{ ...candidate("e1", "a@x.com", true, "u1"), attributes: reordered(stored) as JsonObject }],
          [],
          {
            byExternalId: [
              {
                link: { integrationId: "i", externalId: "e1", userId: "u1", pendingDeactivation: false },
                user: existing,
              },
            ],
            byEmail: [],
          },
          { newId },
        );
        expect(result.batch.update).toEqual([]);
        expect(result.updated).toBe(0);
      }),
    );
  });

  it("updates exactly the attributes whose value changed", () => {
    fc.assert(
      fc.property(attributes, attributes, (stored, incoming) => {
        const existing = user("u1", "a@x.com", { attributes: stored });
        const result = reconcileUsers(
          [{ ...candidate("e1", "a@x.com", true, "u1"), attributes: incoming }],
          [],
          {
            byExternalId: [
              {
                link: { integrationId: "i", externalId: "e1", userId: "u1", pendingDeactivation: false },
                user: existing,
              },
            ],
            byEmail: [],
          },
          { newId },
        );
        const changed = Object.keys(incoming).filter(
          (key) => JSON.stringify(canonical(stored[key])) !== JSON.stringify(canonical(incoming[key])),
        );
        const set = result.batch.update?.[0]?.set.attributes;
        if (changed.length === 0) expect(set).toBeUndefined();
        else expect(set).toEqual({ ...stored, ...incoming });
      }),
    );
  });
});

/** JSON with sorted keys, to compare by value. */
function canonical(value: JsonValue | undefined): JsonValue | undefined {
  if (Array.isArray(value)) return value.map((v) => canonical(v)!);
  if (value === null || value === undefined || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical(value[k])!]),
  );
}
