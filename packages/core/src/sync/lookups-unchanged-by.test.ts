import { describe, expect, it } from "vitest";
import type { StoredUser } from "../storage/records";
import type { DirectoryBatch } from "../storage/storage-adapter";
import { lookupsUnchangedBy, type RecordedLookup } from "./lookups-unchanged-by";

const user = (id: string, email: string): StoredUser => ({
  id,
  email,
  displayName: null,
  active: true,
  role: "viewer",
  hgeIdAccountId: null,
  attributes: {},
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

/** A lookup of e1 and a@x.io that found u1 by its link e1 and u2 by email, u2 linked by e2. */
const lookups: RecordedLookup[] = [
  {
    query: { externalIds: ["e1", "e9"], emails: ["a@x.io", "z@x.io"] },
    result: {
      byExternalId: [
        {
          link: { integrationId: "i", externalId: "e1", userId: "u1", pendingDeactivation: false },
          user: user("u1", "one@x.io"),
        },
      ],
      byEmail: [{ user: user("u2", "a@x.io"), linkedExternalIds: ["e2"] }],
    },
  },
];

const newUser = (id: string, email: string) => ({
  id,
  email,
  displayName: null,
  active: true,
  role: "viewer",
  attributes: {},
});

describe("lookupsUnchangedBy", () => {
  it("holds for a batch that touches other links, emails and users, or only reports and marks seen", () => {
    expect(lookupsUnchangedBy(lookups, {})).toBe(true);
    const other: DirectoryBatch = {
      users: {
        create: [newUser("u7", "b@x.io")],
        link: [{ externalId: "e7", userId: "u7" }],
        update: [{ userId: "u8", set: { email: "c@x.io" } }],
        markPendingDeactivation: ["e8"],
        clearPendingDeactivation: ["e6"],
        reportedActive: ["e1"],
        reportedInactive: ["e9"],
      },
      seen: { sweepId: "s", users: ["e1", "e9"] },
      finishSweep: { kind: "group", sweepId: "s" },
    };
    expect(lookupsUnchangedBy(lookups, other)).toBe(true);
  });

  it.each<[string, DirectoryBatch]>([
    ["links an asked external id", { users: { link: [{ externalId: "e9", userId: "u7" }] } }],
    ["marks an asked link pending", { users: { markPendingDeactivation: ["e1"] } }],
    ["clears an asked link's mark", { users: { clearPendingDeactivation: ["e9"] } }],
    ["creates a user with an asked email", { users: { create: [newUser("u7", "z@x.io")] } }],
    ["gives a user an asked email", { users: { update: [{ userId: "u7", set: { email: "z@x.io" } }] } }],
    ["updates a user found by link", { users: { update: [{ userId: "u1", set: { active: false } }] } }],
    ["updates a user found by email", { users: { update: [{ userId: "u2", set: { email: "n@x.io" } }] } }],
    ["links to a user found", { users: { link: [{ externalId: "e7", userId: "u2" }] } }],
    ["moves a found user's link elsewhere", { users: { link: [{ externalId: "e2", userId: "u7" }] } }],
    ["ends a user sweep", { finishSweep: { kind: "user", sweepId: "s" } }],
  ])("fails when the batch %s", (_, batch) => {
    expect(lookupsUnchangedBy(lookups, batch)).toBe(false);
  });

  it("holds whatever the batch when no lookup ran before it was written", () => {
    const batch: DirectoryBatch = {
      users: { create: [newUser("u7", "z@x.io")], link: [{ externalId: "e1", userId: "u7" }] },
      finishSweep: { kind: "user", sweepId: "s" },
    };
    expect(lookupsUnchangedBy([], batch)).toBe(true);
  });
});
