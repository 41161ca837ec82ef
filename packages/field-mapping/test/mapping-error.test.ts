import { isUslimatoError, UslimatoError } from "@uslimato/core";
import { MAPPING_ERROR_CODES, MappingError, parseExpression } from "@uslimato/field-mapping";
import { describe, expect, it } from "vitest";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("MappingError", () => {
  it("is a UslimatoError with a stable code from MAPPING_ERROR_CODES, keeping its own fields", () => {
    const error = thrown(() => parseExpression("Trim([mail]"));
    expect(error).toBeInstanceOf(MappingError);
    expect(error).toBeInstanceOf(UslimatoError);
    expect(isUslimatoError(error, "MAPPING_PARSE_ERROR")).toBe(true);
    const mapping = error as MappingError;
    expect(mapping.name).toBe("MappingError");
    expect(MAPPING_ERROR_CODES).toContain(mapping.code);
    expect(mapping.position).toBeTypeOf("number");
    expect(mapping.details).toMatchObject({ position: mapping.position });
    expect(mapping.toJSON()).toMatchObject({ name: "MappingError", code: "MAPPING_PARSE_ERROR", issues: [] });
  });

  it("keeps the cause, path and issues of a summarised validation", () => {
    const cause = new Error("underlying");
    const error = new MappingError("MAPPING_INVALID_CONFIG", "bad set", {
      path: ["rules", 2, "source"],
      issues: [{ code: "MAPPING_ARITY", message: "Trim takes 1 argument", path: ["rules", 2, "source"] }],
      cause,
    });
    expect(error.cause).toBe(cause);
    expect(error.path).toEqual(["rules", 2, "source"]);
    expect(error.toJSON().issues).toHaveLength(1);
    expect(error.code).toBe("MAPPING_INVALID_CONFIG");
  });
});
