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

  it("rejects stray characters, padding and unused trailing bits", () => {
    expect(fromBase64urlStrict("AAAA AAAA")).toBeNull();
    expect(fromBase64urlStrict("AA==")).toBeNull();
    expect(fromBase64urlStrict("AB")).toBeNull(); // "AA" is the canonical form of the same byte
    expect(fromBase64urlStrict("A")).toBeNull();
    expect(fromBase64urlStrict("+/")).toBeNull();
  });
});
