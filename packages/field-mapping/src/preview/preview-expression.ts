import type { FieldError } from "../compile/field-error";
import type { MappingIssue } from "../errors/mapping-error";
import type { Expression } from "../expression/expression";
import { type PreviewOptions, previewMapping } from "./preview-mapping";

/** Outcome of {@link previewExpression}. `skipped` is true when IgnoreFlowIfNullOrEmpty would skip the target. */
export type PreviewExpressionResult =
  | { success: true; value: unknown; skipped: boolean; errors: readonly FieldError[] }
  | { success: false; issues: MappingIssue[] };

/**
 * Parses (if text), validates and evaluates one expression against one sample record, like Graph's
 * `parseExpression` for Entra. Issues carry paths relative to the expression.
 */
export function previewExpression(
  expression: string | Expression,
  sample: unknown,
  options: PreviewOptions = {},
): PreviewExpressionResult {
  const set = { version: 0, rules: [{ target: "value", source: expression }] };
  const preview = previewMapping(set, [sample], options);
  if (!preview.success) {
    const issues = preview.issues.map((issue) => ({ ...issue, path: issue.path.slice(3) }));
    return { success: false, issues };
  }
  const [result] = preview.results;
  return {
    success: true,
    value: result?.values["value"] ?? null,
    skipped: result?.skipped.includes("value") ?? false,
    errors: result?.errors ?? [],
  };
}
