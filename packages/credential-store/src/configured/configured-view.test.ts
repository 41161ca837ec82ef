import { describe, expect, it } from "vitest";
import { configuredView } from "./configured-view";

const at = new Date("2026-03-01T10:00:00Z");
const record = {
  tenantId: "t",
  integrationId: "i",
  name: "clientSecret",
  keyId: "k1",
  envelope: "usl1.x.y",
  updatedAt: at,
};

describe("configuredView", () => {
  it("says which fields are set and when, and nothing else", () => {
    const view = configuredView([record], ["clientSecret", "certificate"]);
    expect(view).toEqual([
      { name: "clientSecret", configured: true, updatedAt: at },
      { name: "certificate", configured: false, updatedAt: null },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/usl1|k1/);
  });

  it("lists stored names the schema no longer expects", () => {
    expect(configuredView([{ ...record, name: "old" }], []).map((s) => s.name)).toEqual(["old"]);
  });
});
