import type { MappingSet } from "../config/mapping-set";
import { parseMappingSet } from "../config/parse-mapping-set";
import { MappingError } from "../errors/mapping-error";
import { createFunctionRegistry, type FunctionRegistry } from "../functions/function-registry";
import { kindOf } from "../functions/value-kind";
import { canGenerateCode } from "./can-generate-code";
import { compileClosures } from "./compile-closures";
import { compileCodegen } from "./compile-codegen";
import type { CompiledMapping, MapManyResult, MapOptions, MapResult } from "./compiled-mapping";
import type { RecordFieldError } from "./field-error";
import { planMapping } from "./plan-mapping";
import type { PlanRule } from "./plan-node";
import { RecordContext, withoutIndex } from "./record-context";
import type { RecordFunction } from "./record-function";

/** Options for {@link compileMapping}. */
export interface CompileOptions {
  /** Registry with plugin functions (built-ins only by default). */
  functions?: FunctionRegistry;
  /** Clock read by `Now()`; defaults to the system clock. */
  clock?: () => Date;
  /** `auto` (default) generates code where the runtime allows it, else closures. */
  codegen?: "auto" | "always" | "never";
}

const empty: readonly never[] = Object.freeze([]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface ModePlan {
  fn: RecordFunction;
  rules: PlanRule[];
  staticSkipped: readonly string[];
}

/**
 * Validates and compiles a mapping set once into a function reused for every record.
 *
 * @throws {MappingError} the first issue's code (`MAPPING_UNKNOWN_FUNCTION`, `MAPPING_ARITY`, ...) with
 *   every issue in `issues`; `MAPPING_INVALID_CONFIG` when `codegen: "always"` but the runtime forbids it.
 */
export function compileMapping(set: MappingSet, options: CompileOptions = {}): CompiledMapping {
  const functions = options.functions ?? createFunctionRegistry();
  const checked = parseMappingSet(set, { functions });
  if (!checked.success) {
    const [first] = checked.issues;
    throw new MappingError(
      first?.code ?? "MAPPING_INVALID_CONFIG",
      `Invalid mapping set: ${first?.message}`,
      {
        issues: checked.issues,
        path: first?.path ?? [],
      },
    );
  }
  const allowed = canGenerateCode();
  if (options.codegen === "always" && !allowed) {
    throw new MappingError("MAPPING_INVALID_CONFIG", "Code generation is forbidden in this runtime");
  }
  const engine = options.codegen !== "never" && allowed ? "codegen" : "closures";
  const { rules } = planMapping(checked.data, { functions, clock: options.clock ?? (() => new Date()) });
  const compileMode = (update: boolean): ModePlan => {
    const active = rules.filter((r) => !(update && r.createOnly));
    const ordered = [...active.filter((r) => !r.ignoreIfEmpty), ...active.filter((r) => r.ignoreIfEmpty)];
    const staticSkipped = Object.freeze(rules.filter((r) => update && r.createOnly).map((r) => r.target));
    const fn = engine === "codegen" ? compileCodegen(ordered) : compileClosures(ordered);
    return { fn, rules: ordered, staticSkipped };
  };
  const modes = { create: compileMode(false), update: compileMode(true) };
  const pick = (options: MapOptions) => {
    const mode = (options as MapOptions | undefined)?.mode;
    if (mode === "create") return modes.create;
    if (mode === "update") return modes.update;
    throw new MappingError("MAPPING_INVALID_INPUT", 'mode must be "create" or "update"');
  };
  const applyPartial = (
    plan: ModePlan,
    record: Record<string, unknown>,
    values: Record<string, unknown>,
    ctx: RecordContext,
  ) => {
    for (const rule of plan.rules) {
      if (rule.attributes.length === 0 || !(rule.target in values)) continue;
      if (rule.attributes.some((a) => Object.hasOwn(record, a))) continue;
      delete values[rule.target];
      ctx.skip(rule.index);
    }
  };
  const run = (plan: ModePlan, record: unknown, ctx: RecordContext, partial: boolean) => {
    if (!isRecord(record)) {
      if (ctx.errors === null) ctx.errors = [];
      ctx.errors.push({
        index: ctx.index,
        target: "$record",
        inputKind: kindOf(record),
        code: "MAPPING_INVALID_INPUT",
        message: `Expected a record (object), got ${kindOf(record)}`,
      });
      return null;
    }
    const values = plan.fn(record, ctx);
    if (partial) applyPartial(plan, record, values, ctx);
    return values;
  };
  return {
    version: checked.data.version,
    integrationId: checked.data.integrationId,
    engine,
    targets: rules.map((r) => r.target),
    redactedTargets: new Set(rules.filter((r) => r.redact).map((r) => r.target)),
    map(record, options): MapResult {
      const plan = pick(options);
      const ctx = new RecordContext(rules, plan.staticSkipped);
      const values = run(plan, record, ctx, options.partial === true) ?? {};
      return {
        values,
        skipped: ctx.skipped ?? plan.staticSkipped,
        errors: ctx.errors?.map(withoutIndex) ?? empty,
      };
    },
    mapMany(records, options): MapManyResult {
      const plan = pick(options);
      if (!Array.isArray(records))
        throw new MappingError("MAPPING_INVALID_INPUT", "mapMany expects an array");
      const ctx = new RecordContext(rules, plan.staticSkipped);
      const partial = options.partial === true;
      const { fn, staticSkipped } = plan;
      const n = records.length;
      const values: Array<Record<string, unknown> | null> = new Array(n);
      const skipped: Array<readonly string[]> = new Array(n);
      for (let i = 0; i < n; i++) {
        const record: unknown = records[i];
        ctx.index = i;
        ctx.skipped = null;
        if (typeof record !== "object" || record === null || Array.isArray(record)) {
          values[i] = run(plan, record, ctx, partial);
        } else {
          const out = fn(record as Record<string, unknown>, ctx);
          if (partial) applyPartial(plan, record as Record<string, unknown>, out, ctx);
          values[i] = out;
        }
        skipped[i] = ctx.skipped ?? staticSkipped;
      }
      return { values, skipped, errors: ctx.errors ?? ([] as RecordFieldError[]) };
    },
  };
}
