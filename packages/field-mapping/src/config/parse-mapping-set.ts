import type { z } from "zod";
import { planMapping } from "../compile/plan-mapping";
import type { MappingErrorCode, MappingIssue } from "../errors/mapping-error";
import { createFunctionRegistry, type FunctionRegistry } from "../functions/function-registry";
import type { MappingSet } from "./mapping-set";
import { mappingSetSchema } from "./mapping-set-schema";

/** Result of {@link parseMappingSet}: the set, or every issue with its path. */
export type ParseMappingSetResult =
  | { success: true; data: MappingSet }
  | { success: false; issues: MappingIssue[] };

/** Options for {@link parseMappingSet}. */
export interface ParseMappingSetOptions {
  /** Registry to check function names and arity against (built-ins by default). */
  functions?: FunctionRegistry;
}

/** Converts zod issues to mapping issues, keeping codes set by expression checks. */
function fromZodIssues(issues: z.core.$ZodIssue[]): MappingIssue[] {
  return issues.map((issue) => {
    const params = (issue as { params?: { code?: MappingErrorCode; position?: number } }).params;
    return {
      code: params?.code ?? "MAPPING_INVALID_CONFIG",
      message: issue.message,
      path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      ...(params?.position === undefined ? {} : { position: params.position }),
    };
  });
}

/**
 * Validates untrusted JSON as a {@link MappingSet}: shape (zod), expressions (syntax, depth, cycles),
 * functions, arity and constant arguments (regexes, date formats, value-map names). Never throws.
 */
export function parseMappingSet(json: unknown, options: ParseMappingSetOptions = {}): ParseMappingSetResult {
  const parsed = mappingSetSchema.safeParse(json);
  if (!parsed.success) return { success: false, issues: fromZodIssues(parsed.error.issues) };
  const data = parsed.data as MappingSet;
  const functions = options.functions ?? createFunctionRegistry();
  const { issues } = planMapping(data, { functions, clock: () => new Date() });
  return issues.length === 0 ? { success: true, data } : { success: false, issues };
}
