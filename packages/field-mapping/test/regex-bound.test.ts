import { compileMapping, MappingError, type MappingSet, regexLimits } from "@uslimato/field-mapping";
import { describe, expect, it } from "vitest";
import { evaluate } from "./fixtures/index";

// The pattern of issue 15 item 8: neighbouring repetitions of overlapping text pass the shape guard and made a
// backtracking engine take 42 s on 100 digits. Every case below must finish (or fail with a typed error) within
// vitest's per-test timeout; on a backtracking engine it would not.
const polynomial = String.raw`\d*\d*\d*\d*\d*\d*x`;
const quoted = JSON.stringify(polynomial);

describe("regex evaluation is bounded (linear-time engine)", () => {
  it.each([100, 1_000, 10_000])("runs the polynomial pattern over %i digits", (n) => {
    const digits = "1".repeat(n);
    expect(evaluate(`Replace([displayName], ${quoted}, "")`, { displayName: digits }).value).toBe(digits);
    expect(evaluate(`Replace([displayName], ${quoted}, "")`, { displayName: `${digits} x` }).value).toBe(
      `${digits} `,
    );
  });

  it("runs the polynomial pattern from an attribute, and in the 7-argument Entra form", () => {
    const displayName = "7".repeat(5_000);
    expect(evaluate('Replace([displayName], [p], "")', { displayName, p: polynomial }).value).toBe(
      displayName,
    );
    const entra = `Replace([displayName], null, ${quoted}, null, "#", null, null)`;
    expect(evaluate(entra, { displayName: `${displayName}x` }).value).toBe("#");
  });

  it("bounds the worst accepted pattern on the longest text it accepts, and refuses longer text per record", () => {
    // about 984 instructions: the largest kind of pattern regexLimits lets through
    const wide = JSON.stringify(String.raw`(\w{1,490})x`);
    const longest = "1".repeat(Math.floor(regexLimits.maxWork / (984 + regexLimits.perCharacterCost)) - 2);
    expect(evaluate(`Replace([s], ${wide}, "")`, { s: `${longest} x` }).value).toBe(`${longest} x`);
    const tooLong = evaluate(`Replace([s], ${wide}, "")`, { s: "1".repeat(regexLimits.maxWork) });
    expect(tooLong.result.errors).toEqual([
      expect.objectContaining({ code: "MAPPING_FUNCTION_ERROR", function: "Replace", inputKind: "string" }),
    ]);
    expect(tooLong.result.errors[0]?.message).not.toMatch(/1111/);
  });

  it("refuses what the linear-time engine cannot run, at compile time or per record", () => {
    const set = (source: string): MappingSet => ({ version: 1, rules: [{ target: "x", source }] });
    for (const pattern of ["(?=a)b", String.raw`(a)\1`, String.raw`\w{1000}\w{1000}`]) {
      try {
        compileMapping(set(`Replace([x], ${JSON.stringify(pattern)}, "")`));
        expect.unreachable(pattern);
      } catch (error) {
        expect(error, pattern).toBeInstanceOf(MappingError);
        expect((error as MappingError).issues.map((i) => i.code)).toEqual(["MAPPING_BAD_REGEX"]);
      }
    }
    const perRecord = evaluate('Replace([s], [p], "")', { s: "ab", p: "(?<=a)b" });
    expect(perRecord.result.errors[0]?.code).toBe("MAPPING_BAD_REGEX");
  });

  it("keeps the shape guard as a first line", () => {
    expect(() =>
      compileMapping({ version: 1, rules: [{ target: "x", source: 'Replace([x], "(a+)+", "")' }] }),
    ).toThrow(MappingError);
  });

  it("keeps JavaScript spellings: \\u escapes, named groups, literal replacement", () => {
    expect(evaluate(String.raw`Replace([s], "\\u00e9", "e")`, { s: "café" }).value).toBe("cafe");
    expect(evaluate('Replace([s], "(?<d>\\\\d+)", "$<d>")', { s: "a12" }).value).toBe("a$<d>");
    expect(evaluate('Replace([s], "", "-")', { s: "ab" }).value).toBe("-a-b-");
  });
});
