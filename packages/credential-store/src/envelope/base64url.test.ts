import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64urlStrict, toBase64url } from "./base64url";

describe("strict base64url", () => {
  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect([...fromBase64urlStrict(toBase64url(bytes))!]).toEqual([...bytes]);
      }),
    );
  });

  it("accepts exactly the texts that are the canonical encoding of their bytes", () => {
    const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/= .".split("");
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...chars), maxLength: 24 }), (text) => {
        const canonical = Buffer.from(text, "base64url").toString("base64url") === text;
        const decoded = fromBase64urlStrict(text);
        expect(decoded !== null).toBe(canonical);
        if (decoded !== null) expect(decoded.toString("base64url")).toBe(text);
      }),
      { numRuns: 5000 },
    );
    // One byte in two characters: only A, Q, g and w leave the 4 unused low bits zero.
    for (const last of "AQgwBRhx-_".split("")) {
      expect(fromBase64urlStrict(`A${last}`) !== null, last).toBe("AQgw".includes(last));
    }
  });

  it("rejects stray characters, padding and unused trailing bits", () => {
    expect(fromBase64urlStrict("AAAA AAAA")).toBeNull();
    expect(fromBase64urlStrict("AA==")).toBeNull();
    expect(fromBase64urlStrict("AB")).toBeNull(); // "AA" is the canonical form of the same byte
    expect(fromBase64urlStrict("A")).toBeNull();
    expect(fromBase64urlStrict("+/")).toBeNull();
  });
});
