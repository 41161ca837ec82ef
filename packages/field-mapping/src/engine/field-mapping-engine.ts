import type { EntityKind, JsonValue, MappedRecord, MappingEngine, RecordMapper } from "@uslimato/core";
import { type CompileOptions, compileMapping } from "../compile/compile-mapping";
import type { MappingSet, MappingSetOverrides } from "../config/mapping-set";
import { mappingSetOverridesSchema } from "../config/mapping-set-schema";
import { mergeMappingSets } from "../config/merge-mapping-sets";
import { parseMappingSet } from "../config/parse-mapping-set";
import { MappingError, type MappingIssue } from "../errors/mapping-error";

type Input = { kind: EntityKind; defaults: JsonValue | undefined; overrides: JsonValue | undefined };

const NO_ERRORS: MappedRecord["errors"] = Object.freeze([]);
const NO_SKIPS: readonly string[] = Object.freeze([]);

/**
 * This package as core's `MappingEngine`: a connector's default mapping set merged with an integration's
 * overrides, validated, and compiled once into a mapper the hub reuses for every page.
 *
 * @example
 * ```ts
 * const hub = createHub({ storage, vault, connectors: [createEntraConnector()], mapping: fieldMappingEngine() });
 * ```
 */
export function fieldMappingEngine(options: CompileOptions = {}): MappingEngine {
  const merged = (input: Input): { set: MappingSet | null; issues: MappingIssue[] } => {
    const base =
      input.defaults === undefined
        ? { success: true as const, data: { version: 0, rules: [] } }
        : parseMappingSet(input.defaults, options);
    if (!base.success)
      return { set: null, issues: base.issues.map((i) => ({ ...i, path: ["defaults", ...i.path] })) };
    if (input.overrides === undefined || input.overrides === null) return { set: base.data, issues: [] };
    const overrides = mappingSetOverridesSchema.safeParse(input.overrides);
    if (!overrides.success) {
      return {
        set: null,
        issues: overrides.error.issues.map((i) => ({
          code: "MAPPING_INVALID_CONFIG",
          message: i.message,
          path: i.path.map((p) => (typeof p === "number" ? p : String(p))),
        })),
      };
    }
    const result = parseMappingSet(
      mergeMappingSets(base.data, overrides.data as MappingSetOverrides),
      options,
    );
    return result.success ? { set: result.data, issues: [] } : { set: null, issues: result.issues };
  };

  return {
    validate: (input) => merged(input).issues.map((issue) => ({ path: issue.path, message: issue.message })),
    compile(input): RecordMapper {
      const { set, issues } = merged(input);
      if (!set)
        throw new MappingError(
          issues[0]?.code ?? "MAPPING_INVALID_CONFIG",
          `Invalid ${input.kind} mapping: ${issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
          { issues },
        );
      const compiled = compileMapping(set, options);
      const createOnly = new Set(
        set.rules.filter((rule) => rule.flow === "createOnly").map((rule) => rule.target),
      );
      return {
        createOnly,
        mapPage(records) {
          const result = compiled.mapMany(records, { mode: "create" });
          const errors = new Map<number, MappedRecord["errors"][number][]>();
          for (const error of result.errors) {
            const list = errors.get(error.index) ?? [];
            list.push({
              target: error.target,
              code: error.code,
              message: error.message,
              ...(error.function ? { function: error.function } : {}),
            });
            errors.set(error.index, list);
          }
          const out: MappedRecord[] = new Array(records.length);
          for (let i = 0; i < records.length; i++) {
            out[i] = {
              values: result.values[i] ?? {},
              skip: result.skipped[i] ?? NO_SKIPS,
              errors: errors.get(i) ?? NO_ERRORS,
            };
          }
          return out;
        },
      };
    },
  };
}
