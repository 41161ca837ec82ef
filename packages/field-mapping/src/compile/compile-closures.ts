import { isEmpty, toBool } from "../functions/value-kind";
import type { PlanNode, PlanRule } from "./plan-node";
import { FAILED, RecordContext } from "./record-context";
import type { RecordFunction } from "./record-function";

type Evaluator = (record: Record<string, unknown>) => unknown;

function readPath(path: string[]): Evaluator {
  const [first, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return (r) => r[first];
  return (r) => {
    let value: unknown = r[first];
    for (const key of rest) {
      if (value === null || typeof value !== "object") return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
}

function compileCall(node: Extract<PlanNode, { kind: "call" }>): Evaluator {
  const args = node.args.map(compileNode);
  const fn = node.fn;
  if (node.inline) {
    const [a = () => undefined, b = () => undefined, c = () => undefined] = args;
    switch (node.name) {
      case "IIF":
        return (r) => (toBool("IIF", a(r)) ? b(r) : c(r));
      case "And":
        return (r) => args.every((arg) => toBool("And", arg(r)));
      case "Or":
        return (r) => args.some((arg) => toBool("Or", arg(r)));
      case "Coalesce":
        return (r) => {
          for (const arg of args) {
            const v = arg(r);
            if (v !== null && v !== undefined && v !== "") return v;
          }
          return null;
        };
    }
  }
  switch (args.length) {
    case 0:
      return () => fn();
    case 1: {
      const [a] = args as [Evaluator];
      return (r) => fn(a(r));
    }
    case 2: {
      const [a, b] = args as [Evaluator, Evaluator];
      return (r) => fn(a(r), b(r));
    }
    case 3: {
      const [a, b, c] = args as [Evaluator, Evaluator, Evaluator];
      return (r) => fn(a(r), b(r), c(r));
    }
    default:
      return (r) => fn(...args.map((arg) => arg(r)));
  }
}

/** Compiles a planned node to a closure (no code generation). */
function compileNode(node: PlanNode): Evaluator {
  if (node.kind === "attribute") return readPath(node.path);
  if (node.kind === "constant") {
    const value = node.value;
    return () => value;
  }
  return compileCall(node);
}

/**
 * Compiles the rules active in one mode to a closure-based record function: the path for runtimes
 * that forbid code generation. Gives the same values, skips and errors as the generated code.
 */
export function compileClosures(rules: readonly PlanRule[]): RecordFunction {
  const evaluators = rules.map((rule) =>
    rule.node === undefined ? () => undefined : compileNode(rule.node),
  );
  const fallbacks = rules.map((rule) => (rule.hasDefault ? rule.default : null));
  const targets = rules.map((rule) => rule.target);
  const indexes = rules.map((rule) => rule.index);
  const optional = rules.map((rule) => rule.ignoreIfEmpty);
  const template: Record<string, unknown> = {};
  for (const rule of rules) if (!rule.ignoreIfEmpty) template[rule.target] = null;
  const n = rules.length;
  return (record, context) => {
    const out: Record<string, unknown> = { ...template };
    let failed = false;
    for (let i = 0; i < n; i++) {
      let value: unknown;
      try {
        value = evaluators[i]!(record);
      } catch (error) {
        context.fail(indexes[i]!, error);
        out[targets[i]!] = FAILED;
        failed = true;
        continue;
      }
      if (value === null || value === undefined) value = fallbacks[i];
      if (optional[i] && isEmpty(value)) context.skip(indexes[i]!);
      else out[targets[i]!] = value;
    }
    return failed ? RecordContext.clean(out) : out;
  };
}
