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

  it("encodes exactly the length-prefixed parts for any owner, also when owners repeat or an owner object changes", () => {
    const reference = (parts: string[]) =>
      Buffer.concat(
        parts.flatMap((part) => {
          const bytes = Buffer.from(part, "utf8");
          const length = Buffer.alloc(4);
          length.writeUInt32BE(bytes.length);
          return [length, bytes];
        }),
      );
    const text = fc.string({ unit: "binary", maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text, text), { minLength: 1, maxLength: 8 }), (tuples) => {
        const reused = { tenantId: "", integrationId: "", name: "" };
        for (const [header, tenantId, integrationId, name] of [...tuples, ...tuples]) {
          const expected = reference([header, tenantId, integrationId, name]);
          expect(ownerAad(header, { tenantId, integrationId, name }).equals(expected)).toBe(true);
          Object.assign(reused, { tenantId, integrationId, name });
          expect(ownerAad(header, reused).equals(expected)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("length-prefixes each part", () => {
    const aad = ownerAad("h", { tenantId: "t", integrationId: "é", name: "" });
    expect(aad.toString("hex")).toBe(`0000000168000000017400000002c3a900000000`);
  });
});
