import type { MappingSet } from "../config/mapping-set";
import { MappingError, type MappingIssue } from "../errors/mapping-error";
import type { Expression } from "../expression/expression";
import { parseExpression } from "../expression/parse-expression";
import { DYNAMIC, type FunctionDefinition } from "../functions/function-definition";
import type { FunctionRegistry } from "../functions/function-registry";
import { kindOf } from "../functions/value-kind";
import type { PlanNode, PlanRule } from "./plan-node";

const inlineNames = new Set(["IIF", "And", "Or", "Not", "Coalesce", "ToLower", "ToUpper", "Trim"]);
type Path = (string | number)[];

function wrapPlugin(name: string, fn: (...args: unknown[]) => unknown) {
  return (...args: unknown[]) => {
    try {
      return fn(...args);
    } catch (cause) {
      if (cause instanceof MappingError && cause.function !== undefined) throw cause;
      const code = cause instanceof MappingError ? cause.code : "MAPPING_FUNCTION_ERROR";
      const message = cause instanceof Error ? cause.message : "failed";
      throw new MappingError(code, `${name}: ${message}`, {
        function: name,
        inputKind: kindOf(args[0]),
        cause,
      });
    }
  };
}

const isPrimitive = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** Options for {@link planMapping}. */
export interface PlanOptions {
  functions: FunctionRegistry;
  clock: () => Date;
}

/**
 * Resolves every rule of a structurally valid set: parses string sources, checks functions and arity,
 * specialises constant arguments (regexes, date formats, value maps) and folds constant calls.
 * Returns every problem with its path instead of stopping at the first.
 */
export function planMapping(
  set: MappingSet,
  options: PlanOptions,
): { rules: PlanRule[]; issues: MappingIssue[] } {
  const issues: MappingIssue[] = [];
  const valueMaps = set.valueMaps ?? {};
  const rules = set.rules.map((rule, index): PlanRule => {
    const sourcePath: Path = ["rules", index, "source"];
    const plan: PlanRule = {
      index,
      target: rule.target,
      node: undefined,
      hasDefault: rule.default !== undefined,
      default: rule.default,
      createOnly: rule.flow === "createOnly",
      ignoreIfEmpty: rule.ignoreIfEmpty === true,
      redact: rule.redact === true,
      attributes: [],
    };
    let tree: Expression | undefined;
    try {
      tree = typeof rule.source === "string" ? parseExpression(rule.source) : rule.source;
    } catch (error) {
      const e = error as MappingError;
      issues.push({
        code: e.code,
        message: e.message,
        path: sourcePath,
        ...(e.position === undefined ? {} : { position: e.position }),
      });
    }
    if (tree === undefined) return plan;
    if (
      tree.type === "call" &&
      tree.name.toLowerCase() === "ignoreflowifnullorempty" &&
      tree.args.length === 1
    ) {
      plan.ignoreIfEmpty = true;
      tree = tree.args[0]!;
    }
    const visit = (node: Expression, path: Path): PlanNode | undefined => {
      if (node.type === "attribute") {
        if (!plan.attributes.includes(node.path[0]!)) plan.attributes.push(node.path[0]!);
        return { kind: "attribute", path: node.path };
      }
      if (node.type === "constant") return { kind: "constant", value: node.value };
      const entry = options.functions.get(node.name);
      let bad = false;
      const problem = (code: MappingIssue["code"], message: string) => {
        bad = true;
        issues.push({ code, message, path });
        return undefined;
      };
      if (entry === undefined) return problem("MAPPING_UNKNOWN_FUNCTION", `Unknown function ${node.name}`);
      const def: FunctionDefinition = entry.definition;
      const [min, max] = def.arity;
      const n = node.args.length;
      if (n < min || n > max) {
        const range =
          min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
        problem("MAPPING_ARITY", `${entry.name} takes ${range} arguments, got ${n}`);
      } else {
        const extra = def.checkArgs?.(n);
        if (extra !== undefined) problem("MAPPING_ARITY", extra);
      }
      if (entry.builtin && entry.name === "IgnoreFlowIfNullOrEmpty") {
        problem("MAPPING_INVALID_CONFIG", "IgnoreFlowIfNullOrEmpty is only allowed as the outermost call");
      }
      const args = node.args.map((arg, i) => visit(arg, [...path, "args", i]));
      if (entry.builtin && entry.name === "Redact") plan.redact = true;
      if (bad || args.some((a) => a === undefined)) return undefined;
      const planned = args as PlanNode[];
      if (entry.builtin && entry.name === "Redact") return planned[0];
      let fn = entry.builtin ? def.fn : wrapPlugin(entry.name, def.fn);
      try {
        const constants = planned.map((a) => (a.kind === "constant" ? a.value : DYNAMIC));
        const special = def.specialize?.({ constants, valueMaps, clock: options.clock });
        if (special !== undefined) fn = entry.builtin ? special : wrapPlugin(entry.name, special);
      } catch (error) {
        const e = error instanceof MappingError ? error : undefined;
        return problem(
          e?.code ?? "MAPPING_INVALID_CONFIG",
          e?.message ?? `${entry.name}: invalid constant argument`,
        );
      }
      const call: PlanNode = {
        kind: "call",
        name: entry.name,
        inline: entry.builtin && inlineNames.has(entry.name),
        fn,
        args: planned,
      };
      if (def.pure !== false && planned.every((a) => a.kind === "constant")) {
        try {
          const value = fn(...planned.map((a) => (a.kind === "constant" ? a.value : undefined)));
          if (isPrimitive(value)) return { kind: "constant", value };
        } catch {
          // Left unfolded: the failure is reported per record, like any other.
        }
      }
      return call;
    };
    plan.node = visit(tree, sourcePath);
    return plan;
  });
  return { rules, issues };
}
