import { describe, expect, it } from "vitest";
import { toUserPage } from "./to-user-page";

describe("toUserPage", () => {
  it("splits upserts and removals by @removed reason and keeps replays in order", () => {
    const parts = toUserPage([
      { id: "a", displayName: "A", mail: null, userPrincipalName: "a@x.com", accountEnabled: true },
      { id: "b", "@removed": { reason: "changed" } },
      { id: "c", "@removed": { reason: "deleted" } },
      { id: "a", displayName: "A2" },
      { displayName: "no id" },
      null,
    ]);
    expect(parts.upserts.map((u) => [u.externalId, u.data.displayName])).toEqual([
      ["a", "A"],
      ["a", "A2"],
    ]);
    expect(parts.removals).toEqual([
      { externalId: "b", reason: "softDeleted" },
      { externalId: "c", reason: "deleted" },
    ]);
    expect(parts.invalid).toBe(2);
  });
});
