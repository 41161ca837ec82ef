import { describe, expect, it } from "vitest";
import { MappingError } from "../errors/mapping-error";
import { defineMappingSet } from "./define-mapping-set";
import { parseMappingSet } from "./parse-mapping-set";

describe("parseMappingSet", () => {
  it("returns every issue with its path", () => {
    const result = parseMappingSet({
      version: "1",
      rules: [
        { target: "a", source: "ToLower([x]" },
        { target: "a", source: "[y]", flow: "sometimes" },
        { target: "c" },
        { target: "d", source: { type: "call", name: "F", args: [{ type: "regex" }] }, ignoreIfEmtpy: true },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const found = result.issues.map((i) => [i.code, i.path.join(".")]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["MAPPING_INVALID_CONFIG", "version"],
        ["MAPPING_PARSE_ERROR", "rules.0.source"],
        ["MAPPING_INVALID_CONFIG", "rules.1.flow"],
        ["MAPPING_INVALID_CONFIG", "rules.2.source"],
        ["MAPPING_INVALID_CONFIG", "rules.3.source.args.0.type"],
        ["MAPPING_INVALID_CONFIG", "rules.3"],
      ]),
    );
    expect(result.issues.find((i) => i.code === "MAPPING_PARSE_ERROR")?.position).toBe(11);
  });

  it("rejects duplicate targets and __proto__ targets, and non-objects", () => {
    const dup = parseMappingSet({
      version: 1,
      rules: [
        { target: "a", default: 1 },
        { target: "a", default: 2 },
      ],
    });
    expect(dup.success ? [] : dup.issues.map((i) => i.path.join("."))).toEqual(["rules.1.target"]);
    expect(parseMappingSet({ version: 1, rules: [{ target: "__proto__", default: 1 }] }).success).toBe(false);
    expect(parseMappingSet("nope").success).toBe(false);
    expect(parseMappingSet(null).success).toBe(false);
  });

  it("defineMappingSet throws one MappingError carrying all issues", () => {
    try {
      defineMappingSet({
        version: 1,
        rules: [
          { target: "a", source: "Nope()" },
          { target: "b", source: "Left()" },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MappingError);
      expect((error as MappingError).code).toBe("MAPPING_UNKNOWN_FUNCTION");
      expect((error as MappingError).issues).toHaveLength(2);
    }
  });
});
