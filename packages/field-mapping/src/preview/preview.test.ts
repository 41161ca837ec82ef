import { describe, expect, it } from "vitest";
import { previewExpression } from "./preview-expression";
import { previewMapping, REDACTED } from "./preview-mapping";

describe("preview", () => {
  it("evaluates a mapping against samples, masking redacted targets", () => {
    const set = {
      version: 1,
      rules: [
        { target: "email", source: "ToLower([mail])" },
        { target: "pin", source: "[pin]", redact: true },
      ],
    };
    const result = previewMapping(set, [{ mail: "A@B", pin: "1234" }, { mail: 5, pin: "9" }, "x"]);
    expect(result).toEqual({
      success: true,
      results: [
        { values: { email: "a@b", pin: REDACTED }, skipped: [], errors: [] },
        { values: { email: "5", pin: REDACTED }, skipped: [], errors: [] },
        { values: {}, skipped: [], errors: [expect.objectContaining({ code: "MAPPING_INVALID_INPUT" })] },
      ],
    });
  });

  it("returns validation issues instead of throwing", () => {
    const result = previewMapping({ version: 1, rules: [{ target: "a", source: "Nope()" }] }, [{}]);
    expect(result.success ? [] : result.issues.map((i) => i.code)).toEqual(["MAPPING_UNKNOWN_FUNCTION"]);
    expect(previewMapping(null, []).success).toBe(false);
  });

  it("evaluates a single expression like Graph's parseExpression", () => {
    expect(
      previewExpression('Join(" ", [givenName], [surname])', { givenName: "Ada", surname: "L" }),
    ).toEqual({
      success: true,
      value: "Ada L",
      skipped: false,
      errors: [],
    });
    expect(previewExpression("IgnoreFlowIfNullOrEmpty([x])", {})).toMatchObject({
      success: true,
      skipped: true,
    });
    const bad = previewExpression("ToLower([x]", {});
    expect(bad).toMatchObject({ success: false, issues: [{ code: "MAPPING_PARSE_ERROR", position: 11 }] });
    const tree = previewExpression(
      { type: "call", name: "ToUpper", args: [{ type: "attribute", path: ["a", "b"] }] },
      { a: { b: "x" } },
    );
    expect(tree).toMatchObject({ success: true, value: "X" });
  });
});
