import { describe, expect, it } from "vitest";
import { toGroupPage } from "./to-group-page";

describe("toGroupPage", () => {
  it("merges split member pages without overwriting the group and keeps only user members", () => {
    const parts = toGroupPage([
      {
        id: "g1",
        displayName: "Sales",
        description: null,
        "members@delta": [{ "@odata.type": "#microsoft.graph.user", id: "u1" }],
      },
      {
        id: "g1",
        "members@delta": [
          { "@odata.type": "#microsoft.graph.user", id: "u2" },
          { "@odata.type": "#microsoft.graph.group", id: "g9" },
        ],
      },
      {
        id: "g2",
        "members@delta": [
          { "@odata.type": "#microsoft.graph.user", id: "u1", "@removed": { reason: "deleted" } },
        ],
      },
      { id: "g3", "@removed": { reason: "deleted" } },
    ]);
    expect(parts.upserts).toEqual([{ externalId: "g1", data: { displayName: "Sales", description: null } }]);
    expect(parts.memberships).toEqual([
      { groupExternalId: "g1", added: ["u1"], removed: [] },
      { groupExternalId: "g1", added: ["u2"], removed: [] },
      { groupExternalId: "g2", added: [], removed: ["u1"] },
    ]);
    expect(parts.removals).toEqual([{ externalId: "g3", reason: "deleted" }]);
  });
});
