import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownerAad } from "./owner-aad";

describe("ownerAad", () => {
  it("encodes different (header, owner) tuples differently", () => {
    const tuple = fc.tuple(fc.string(), fc.string(), fc.string(), fc.string());
    fc.assert(
      fc.property(tuple, tuple, (a, b) => {
        fc.pre(a.join("\u0000") !== b.join("\u0000") || a.some((x, i) => x !== b[i]));
        const [ha, ...oa] = a;
        const [hb, ...ob] = b;
        const ea = ownerAad(ha, { tenantId: oa[0]!, integrationId: oa[1]!, name: oa[2]! });
        const eb = ownerAad(hb, { tenantId: ob[0]!, integrationId: ob[1]!, name: ob[2]! });
        expect(ea.equals(eb)).toBe(false);
      }),
    );
  });

  it("length-prefixes each part", () => {
    const aad = ownerAad("h", { tenantId: "t", integrationId: "é", name: "" });
    expect(aad.toString("hex")).toBe(`0000000168000000017400000002c3a900000000`);
  });
});
