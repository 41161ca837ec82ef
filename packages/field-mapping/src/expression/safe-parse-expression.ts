import { MappingError } from "../errors/mapping-error";
import type { Expression } from "./expression";
import { parseExpression } from "./parse-expression";

/** Result of {@link safeParseExpression}: the tree, or the typed error. */
export type ParseExpressionResult =
  | { success: true; data: Expression }
  | { success: false; error: MappingError };

/** Like {@link parseExpression}, but returns the error instead of throwing it. */
export function safeParseExpression(text: string): ParseExpressionResult {
  try {
    return { success: true, data: parseExpression(text) };
  } catch (error) {
    if (error instanceof MappingError) return { success: false, error };
    const wrapped = new MappingError("MAPPING_PARSE_ERROR", "Expression could not be parsed", {
      cause: error,
    });
    return { success: false, error: wrapped };
  }
}
