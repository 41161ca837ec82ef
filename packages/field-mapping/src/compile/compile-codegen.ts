import { isEmpty, toBool } from "../functions/value-kind";
import type { PlanNode, PlanRule } from "./plan-node";
import { FAILED, RecordContext } from "./record-context";
import type { RecordFunction } from "./record-function";

/**
 * Emits code for the validated plan. Safety rule: every literal (attribute names, targets, constants)
 * goes through `JSON.stringify`; every identifier is generated here (`r`, `c`, `f3`, `k1`, `t0`, `v2`);
 * functions and non-primitive values are passed in by reference, never as source text.
 */
class Emitter {
  readonly fns: Array<(...args: unknown[]) => unknown> = [];
  readonly consts: unknown[] = [];
  temps = 0;

  literal(value: unknown): string {
    const inlineable =
      value === null ||
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value) && !Object.is(value, -0));
    if (inlineable) return JSON.stringify(value);
    this.consts.push(value);
    return `k${this.consts.length - 1}`;
  }

  temp(): string {
    return `t${this.temps++}`;
  }

  node(node: PlanNode): string {
    if (node.kind === "constant") return this.literal(node.value);
    if (node.kind === "attribute") {
      let code = `r[${JSON.stringify(node.path[0])}]`;
      for (const key of node.path.slice(1)) {
        const t = this.temp();
        code = `((${t} = ${code}) === null || typeof ${t} !== "object" ? undefined : ${t}[${JSON.stringify(key)}])`;
      }
      return code;
    }
    const args = node.args.map((arg) => this.node(arg));
    this.fns.push(node.fn);
    const fn = `f${this.fns.length - 1}`;
    if (node.inline) {
      const [a, b, c] = args;
      const t = this.temp();
      switch (node.name) {
        case "IIF":
          return `(tb("IIF", ${a}) ? ${b} : ${c})`;
        case "And":
          return `(${args.map((x) => `tb("And", ${x})`).join(" && ")})`;
        case "Or":
          return `(${args.map((x) => `tb("Or", ${x})`).join(" || ")})`;
        case "Not":
          return `!tb("Not", ${a})`;
        case "Coalesce":
          return `(${args.map((x) => `(${t} = ${x}) !== null && ${t} !== undefined && ${t} !== "" ? ${t} : `).join("")}null)`;
      }
      const method = { ToLower: "toLowerCase", ToUpper: "toUpperCase", Trim: "trim" }[node.name];
      if (method !== undefined && args.length === 1) {
        return `(typeof (${t} = ${a}) === "string" ? ${t}.${method}() : ${fn}(${t}))`;
      }
    }
    return `${fn}(${args.join(", ")})`;
  }
}

/** Builds the source of a record function for the rules active in one mode (exported for tests). */
function generateSource(rules: readonly PlanRule[]): {
  source: string;
  fns: unknown[];
  consts: unknown[];
} {
  const e = new Emitter();
  const body: string[] = [];
  const fixed: string[] = [];
  const optional: string[] = [];
  rules.forEach((rule, i) => {
    const v = `v${i}`;
    const expr = rule.node === undefined ? "undefined" : e.node(rule.node);
    body.push(
      `try { ${v} = ${expr}; } catch (e) { failed = true; ${v} = FAILED; c.fail(${rule.index}, e); }`,
    );
    body.push(
      `if (${v} === null || ${v} === undefined) ${v} = ${rule.hasDefault ? e.literal(rule.default) : "null"};`,
    );
    const key = JSON.stringify(rule.target);
    if (rule.ignoreIfEmpty)
      optional.push(`if (${v} !== FAILED && empty(${v})) c.skip(${rule.index}); else o[${key}] = ${v};`);
    else fixed.push(`${key}: ${v}`);
  });
  const lines = [
    '"use strict";',
    ...e.fns.map((_, i) => `const f${i} = F[${i}];`),
    ...e.consts.map((_, i) => `const k${i} = K[${i}];`),
    "const tb = H.toBool, empty = H.isEmpty, FAILED = H.FAILED, clean = H.clean;",
    "return function mapRecord(r, c) {",
    e.temps > 0 ? `let ${Array.from({ length: e.temps }, (_, i) => `t${i}`).join(", ")};` : "",
    rules.length > 0 ? `let ${rules.map((_, i) => `v${i}`).join(", ")};` : "",
    "let failed = false;",
    ...body,
    `const o = { ${fixed.join(", ")} };`,
    ...optional,
    "return failed ? clean(o) : o;",
    "};",
  ];
  return { source: lines.join("\n"), fns: e.fns, consts: e.consts };
}

/** Compiles the rules active in one mode by generating JavaScript once (see {@link generateSource}). */
export function compileCodegen(rules: readonly PlanRule[]): RecordFunction {
  const { source, fns, consts } = generateSource(rules);
  const helpers = { toBool, isEmpty, FAILED, clean: RecordContext.clean };
  const factory = new Function("F", "K", "H", source) as (
    f: unknown[],
    k: unknown[],
    h: typeof helpers,
  ) => RecordFunction;
  return factory(fns, consts, helpers);
}
