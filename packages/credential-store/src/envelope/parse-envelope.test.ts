import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CredentialStoreError } from "../errors/credential-store-error";
import { encodeEnvelope, encodeHeader } from "./encode-envelope";
import { parseEnvelope } from "./parse-envelope";

const iv = Buffer.alloc(12, 7);
const body = Buffer.alloc(20, 9);
const good = encodeEnvelope(encodeHeader("k1", iv), body);
const headerOf = (json: string) => `usl1.${Buffer.from(json).toString("base64url")}`;

function codeOf(envelope: string): string {
  try {
    parseEnvelope(envelope);
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialStoreError);
    if (envelope.length > 3) expect((error as Error).message).not.toContain(envelope);
    return (error as CredentialStoreError).code;
  }
  return "OK";
}

describe("parseEnvelope", () => {
  it("reads what encodeEnvelope writes", () => {
    const parts = parseEnvelope(good);
    expect(parts).toMatchObject({ alg: "A256GCM", kid: "k1" });
    expect(parts.iv.equals(iv) && parts.body.equals(body)).toBe(true);
    expect(parts.wrappedKey).toBeUndefined();
    expect(good.startsWith(`${parts.headerText}.`)).toBe(true);
  });

  it("reads the wrapped data key of envelope mode", () => {
    const parts = parseEnvelope(
      encodeEnvelope(encodeHeader("arn:aws:kms:eu-west-1:1:key/x", iv, Buffer.from([1, 2])), body),
    );
    expect(parts.kid).toBe("arn:aws:kms:eu-west-1:1:key/x");
    expect([...parts.wrappedKey!]).toEqual([1, 2]);
  });

  it("names an unsupported version or algorithm", () => {
    expect(codeOf(good.replace(/^usl1/, "usl2"))).toBe("ENVELOPE_UNSUPPORTED_VERSION");
    expect(
      codeOf(
        `${headerOf('{"alg":"A128GCM","kid":"k","iv":"BwcHBwcHBwcHBwcH"}')}.${body.toString("base64url")}`,
      ),
    ).toBe("ENVELOPE_UNSUPPORTED_VERSION");
  });

  it.each([
    ["empty", ""],
    ["no prefix", "abc"],
    ["truncated", good.slice(0, good.lastIndexOf("."))],
    ["short body", encodeEnvelope(encodeHeader("k1", iv), Buffer.alloc(15))],
    ["extra part", `${good}.x`],
    ["padding", `${good}=`],
    ["non-canonical last char", good.slice(0, -1) + (good.endsWith("A") ? "B" : "A")],
    ["header not JSON", `${headerOf("{not json")}.${body.toString("base64url")}`],
    ["header an array", `${headerOf("[]")}.${body.toString("base64url")}`],
    [
      "unknown field",
      `${headerOf('{"alg":"A256GCM","kid":"k","iv":"BwcHBwcHBwcHBwcH","x":1}')}.${body.toString("base64url")}`,
    ],
    ["short iv", `${headerOf('{"alg":"A256GCM","kid":"k","iv":"BwcH"}')}.${body.toString("base64url")}`],
    [
      "bad kid",
      `${headerOf('{"alg":"A256GCM","kid":"k k","iv":"BwcHBwcHBwcHBwcH"}')}.${body.toString("base64url")}`,
    ],
    [
      "empty wk",
      `${headerOf('{"alg":"A256GCM","kid":"k","iv":"BwcHBwcHBwcHBwcH","wk":""}')}.${body.toString("base64url")}`,
    ],
  ])("rejects %s as ENVELOPE_MALFORMED", (_, envelope) => {
    const code = codeOf(envelope);
    // A changed last character either stops being canonical or changes the bytes; both never open.
    expect(code === "ENVELOPE_MALFORMED" || _ === "non-canonical last char").toBe(true);
  });

  it("reads a header written with other spacing, order or escapes exactly as JSON.parse does", () => {
    const kidChar = fc.constantFrom(..."AZaz09._:/-".split(""));
    fc.assert(
      fc.property(
        fc.string({ unit: kidChar, minLength: 1, maxLength: 12 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.option(fc.uint8Array({ minLength: 1, maxLength: 40 }), { nil: undefined }),
        fc.constantFrom("canonical", "spaced", "reordered", "escaped"),
        (kid, ivBytes, wk, style) => {
          const iv64 = Buffer.from(ivBytes).toString("base64url");
          const fields: Array<[string, string]> = [
            ["alg", "A256GCM"],
            ["kid", kid],
            ["iv", iv64],
            ...(wk === undefined ? [] : [["wk", Buffer.from(wk).toString("base64url")] as [string, string]]),
          ];
          const unicodeEscaped = (text: string) =>
            [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
          const json =
            style === "canonical"
              ? JSON.stringify(Object.fromEntries(fields))
              : style === "spaced"
                ? JSON.stringify(Object.fromEntries(fields), null, 1)
                : style === "reordered"
                  ? JSON.stringify(Object.fromEntries([...fields].reverse()))
                  : `{${fields.map(([k, v]) => `"${k}":"${k === "kid" ? unicodeEscaped(v) : v}"`).join(",")}}`;
          const parts = parseEnvelope(`${headerOf(json)}.${body.toString("base64url")}`);
          expect(parts.kid).toBe(kid);
          expect([...parts.iv]).toEqual([...ivBytes]);
          expect(parts.wrappedKey === undefined ? undefined : [...parts.wrappedKey]).toEqual(
            wk === undefined ? undefined : [...wk],
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("agrees with a JSON.parse reading on every single-character change of a written header", () => {
    const written = JSON.stringify({ alg: "A256GCM", kid: "k1", iv: "BwcHBwcHBwcHBwcH", wk: "AQI" });
    const reference = (json: string): string => {
      try {
        const raw = JSON.parse(json) as Record<string, unknown>;
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "ENVELOPE_MALFORMED";
        if (Object.keys(raw).some((k) => !["alg", "kid", "iv", "wk"].includes(k)))
          return "ENVELOPE_MALFORMED";
        if (raw.alg !== "A256GCM") return "ENVELOPE_UNSUPPORTED_VERSION";
        return "OK";
      } catch {
        return "ENVELOPE_MALFORMED";
      }
    };
    const chars = ['"', "\\", " ", ",", ":", "{", "}", "x", "w", "k"];
    fc.assert(
      fc.property(fc.nat(written.length), fc.constantFrom(...chars), fc.boolean(), (at, c, insert) => {
        const json = written.slice(0, at) + c + written.slice(insert ? at : at + 1);
        const code = codeOf(`${headerOf(json)}.${body.toString("base64url")}`);
        const expected = reference(json);
        // The reference only checks shape; field values may still be invalid (then ENVELOPE_MALFORMED).
        expect(code === expected || (expected === "OK" && code === "ENVELOPE_MALFORMED")).toBe(true);
        if (code === "OK") {
          const parsed = JSON.parse(json) as Record<string, string>;
          const parts = parseEnvelope(`${headerOf(json)}.${body.toString("base64url")}`);
          expect(parts.kid).toBe(parsed.kid);
          expect(parts.iv.toString("base64url")).toBe(parsed.iv);
          expect(parts.wrappedKey?.toString("base64url")).toBe(parsed.wk);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects a value that is not a string", () => {
    expect(codeOf(42 as unknown as string)).toBe("ENVELOPE_MALFORMED");
  });
});
