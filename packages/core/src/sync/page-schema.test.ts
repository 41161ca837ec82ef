import { describe, expect, it } from "vitest";
import { parseSourcePage } from "./page-schema";

const page = {
  kind: "user",
  upserts: [{ externalId: "a", data: { email: "a@x.com" } }],
  removals: [{ externalId: "b", reason: "deleted" }],
  checkpoint: { cursor: 1 },
};

describe("parseSourcePage", () => {
  it("accepts a valid page as it is", () => {
    expect(parseSourcePage(page, 1, "c")).toBe(page);
  });

  it.each([
    [{ ...page, kind: "people" }, "kind"],
    [{ ...page, upserts: [{ externalId: "", data: {} }] }, "upserts.0.externalId"],
    [{ ...page, upserts: [{ externalId: "x", data: null }] }, "upserts.0.data"],
    [{ ...page, removals: [{ externalId: "x", reason: "gone" }] }, "removals.0.reason"],
    [{ ...page, checkpoint: () => 1 }, "checkpoint"],
    [{ ...page, memberships: [{ groupExternalId: "g", added: [1], removed: [] }] }, "memberships.0.added.0"],
    ["not a page", "(page)"],
  ])("names what is wrong and where (%#)", (value, path) => {
    expect(() => parseSourcePage(value, 3, "hr")).toThrow(
      expect.objectContaining({
        code: "CONNECTOR_PAGE_INVALID",
        message: expect.stringContaining(`page 3: ${path}`),
      }),
    );
  });
});
