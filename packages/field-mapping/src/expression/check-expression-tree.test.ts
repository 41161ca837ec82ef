import { describe, expect, it } from "vitest";
import { checkExpressionTree } from "./check-expression-tree";

describe("checkExpressionTree", () => {
  it("accepts a well-formed tree", () => {
    expect(
      checkExpressionTree({ type: "call", name: "ToLower", args: [{ type: "attribute", path: ["mail"] }] }),
    ).toEqual([]);
  });

  it("reports unknown node types, bad paths and constants with their paths", () => {
    const issues = checkExpressionTree({
      type: "call",
      name: "Join",
      args: [{ type: "lambda" }, { type: "attribute", path: [] }, { type: "constant", value: Number.NaN }, 7],
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["MAPPING_INVALID_CONFIG", ["args", 0, "type"]],
      ["MAPPING_INVALID_CONFIG", ["args", 1, "path"]],
      ["MAPPING_INVALID_CONFIG", ["args", 2]],
      ["MAPPING_INVALID_CONFIG", ["args", 3]],
    ]);
  });

  it("detects cycles and absurd depth without overflowing the stack", () => {
    const cyclic: { type: string; name: string; args: unknown[] } = { type: "call", name: "F", args: [] };
    cyclic.args.push(cyclic);
    expect(checkExpressionTree(cyclic)[0]?.code).toBe("MAPPING_CYCLIC");
    let deep: unknown = { type: "constant", value: 1 };
    for (let i = 0; i < 100_000; i++) deep = { type: "call", name: "F", args: [deep] };
    expect(checkExpressionTree(deep)[0]?.code).toBe("MAPPING_TOO_DEEP");
    const wide = {
      type: "call",
      name: "F",
      args: Array.from({ length: 20_000 }, () => ({ type: "constant", value: 1 })),
    };
    expect(checkExpressionTree(wide)[0]?.code).toBe("MAPPING_TOO_LARGE");
  });
});
