import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StoredUser } from "../storage/records";
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

  it("keeps a changed email when another user holds the new one", () => {
    const mine = user("u1", "old@x.com");
    const other = user("u2", "taken@x.com");
    const result = reconcileUsers(
      [candidate("e1", "taken@x.com")],
      [],
      {
        byExternalId: [
          {
            link: { integrationId: "i", externalId: "e1", userId: "u1", pendingDeactivation: false },
            user: mine,
          },
        ],
        byEmail: [{ user: other, linkedExternalIds: [] }],
      },
      { newId },
    );
    expect(result.batch.update?.some((u) => u.set.email !== undefined)).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(["RECORD_EMAIL_TAKEN"]);
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
});
