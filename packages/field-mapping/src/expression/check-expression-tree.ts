import type { MappingIssue } from "../errors/mapping-error";
import { expressionLimits, forbiddenAttributeNames } from "./expression";

type Path = (string | number)[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that an untrusted value is a well-formed expression tree: known node types, string paths,
 * finite constants, no cycles, within {@link expressionLimits}. Returns every problem found (bounded),
 * never throws and never recurses deeper than the depth limit.
 */
export function checkExpressionTree(value: unknown, basePath: Path = []): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const ancestors = new Set<unknown>();
  let nodes = 0;
  const issue = (code: MappingIssue["code"], message: string, path: Path): undefined => {
    if (issues.length < 100) issues.push({ code, message, path });
    return undefined;
  };
  const visit = (node: unknown, path: Path, depth: number): undefined => {
    if (++nodes > expressionLimits.maxNodes) {
      if (nodes === expressionLimits.maxNodes + 1) {
        issue("MAPPING_TOO_LARGE", `Expression has more than ${expressionLimits.maxNodes} nodes`, path);
      }
      return undefined;
    }
    if (!isObject(node)) return issue("MAPPING_INVALID_CONFIG", "Expected an expression node object", path);
    if (ancestors.has(node)) return issue("MAPPING_CYCLIC", "Expression tree contains a cycle", path);
    if (node.type === "attribute") {
      const p = node.path;
      if (!Array.isArray(p) || p.length === 0 || !p.every((s) => typeof s === "string" && s !== "")) {
        return issue("MAPPING_INVALID_CONFIG", "Attribute path must be a non-empty array of names", [
          ...path,
          "path",
        ]);
      }
      const bad = p.find((s: string) => forbiddenAttributeNames.has(s));
      if (bad !== undefined)
        issue("MAPPING_INVALID_CONFIG", `Attribute name ${bad} is not allowed`, [...path, "path"]);
      return;
    }
    if (node.type === "constant") {
      const v = node.value;
      const ok = v === null || typeof v === "string" || typeof v === "boolean" || Number.isFinite(v);
      if (!ok)
        issue("MAPPING_INVALID_CONFIG", "Constant must be a string, finite number, boolean or null", path);
      return;
    }
    if (node.type !== "call") {
      return issue("MAPPING_INVALID_CONFIG", "Unknown node type (expected attribute, constant or call)", [
        ...path,
        "type",
      ]);
    }
    if (typeof node.name !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(node.name)) {
      issue("MAPPING_INVALID_CONFIG", "Function name must be an identifier", [...path, "name"]);
    }
    if (!Array.isArray(node.args)) return issue("MAPPING_INVALID_CONFIG", "Call args must be an array", path);
    if (depth >= expressionLimits.maxDepth) {
      return issue("MAPPING_TOO_DEEP", `Expression nests deeper than ${expressionLimits.maxDepth}`, path);
    }
    ancestors.add(node);
    for (const [i, arg] of node.args.entries()) visit(arg, [...path, "args", i], depth + 1);
    ancestors.delete(node);
    return undefined;
  };
  visit(value, basePath, 0);
  return issues;
}
