import type { CompileOptions } from "../compile/compile-mapping";
import { compileMapping } from "../compile/compile-mapping";
import type { MappingMode, MapResult } from "../compile/compiled-mapping";
import type { MappingIssue } from "../errors/mapping-error";
import { MappingError } from "../errors/mapping-error";

/** Shown instead of the value of a redacted target. */
export const REDACTED = "[REDACTED]";

/** Options for {@link previewMapping}. */
export interface PreviewOptions extends CompileOptions {
  /** Defaults to `create`. */
  mode?: MappingMode;
}

/** Preview outcome: one result per sample, or the set's validation issues. */
export type PreviewMappingResult =
  | { success: true; results: MapResult[] }
  | { success: false; issues: MappingIssue[] };

/**
 * Dry run for admin UIs: validates the set (any JSON) and maps each sample, returning values, skips and
 * errors. Values of redacted targets are replaced by {@link REDACTED}. Never throws for bad input.
 */
export function previewMapping(
  set: unknown,
  samples: readonly unknown[],
  options: PreviewOptions = {},
): PreviewMappingResult {
  let compiled: ReturnType<typeof compileMapping>;
  try {
    compiled = compileMapping(set as Parameters<typeof compileMapping>[0], { codegen: "never", ...options });
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    const issues =
      error.issues.length > 0
        ? error.issues
        : [{ code: error.code, message: error.message, path: error.path }];
    return { success: false, issues };
  }
  const mode = options.mode ?? "create";
  const list = Array.isArray(samples) ? samples : [samples];
  const results = list.map((sample) => {
    const result = compiled.map(sample, { mode });
    const values = { ...result.values };
    for (const target of compiled.redactedTargets) if (target in values) values[target] = REDACTED;
    return { ...result, values };
  });
  return { success: true, results };
}
