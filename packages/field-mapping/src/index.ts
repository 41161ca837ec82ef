/**
 * Declarative, zod-validated field mappings in the expression language of Entra provisioning's attribute
 * mappings, compiled once per mapping version into a fast function (generated code or closures).
 *
 * @example
 * ```ts
 * import { compileMapping, defineMappingSet } from "@uslimato/field-mapping";
 *
 * const set = defineMappingSet({
 *   version: 1,
 *   rules: [
 *     { target: "displayName", source: "[displayName]" },
 *     { target: "email", source: "ToLower(Trim(Coalesce([mail], [userPrincipalName])))" },
 *     { target: "active", source: "[accountEnabled]", default: false },
 *   ],
 * });
 * const mapping = compileMapping(set);
 * const { values, errors } = mapping.map(
 *   { displayName: "Ada", mail: null, userPrincipalName: " Ada@Example.com ", accountEnabled: true },
 *   { mode: "create" },
 * );
 * // values: { displayName: "Ada", email: "ada@example.com", active: true }, errors: []
 * ```
 *
 * @module
 */
export { canGenerateCode } from "./compile/can-generate-code";
export type { CompileOptions } from "./compile/compile-mapping";
export { compileMapping } from "./compile/compile-mapping";
export type {
  CompiledMapping,
  MapManyResult,
  MapOptions,
  MappingMode,
  MapResult,
} from "./compile/compiled-mapping";
export type { FieldError, RecordFieldError } from "./compile/field-error";
export { defineMappingSet } from "./config/define-mapping-set";
export type {
  MappingFlow,
  MappingRule,
  MappingRuleOverride,
  MappingSet,
  MappingSetOverrides,
  ValueMaps,
} from "./config/mapping-set";
export { mappingRuleSchema, mappingSetOverridesSchema, mappingSetSchema } from "./config/mapping-set-schema";
export { mergeMappingSets } from "./config/merge-mapping-sets";
export type { ParseMappingSetOptions, ParseMappingSetResult } from "./config/parse-mapping-set";
export { parseMappingSet } from "./config/parse-mapping-set";
export type { DateFormat } from "./dates/compile-date-format";
export { compileDateFormat } from "./dates/compile-date-format";
export { fieldMappingEngine } from "./engine/field-mapping-engine";
export type { MappingErrorCode, MappingErrorDetails, MappingIssue } from "./errors/mapping-error";
export { MAPPING_ERROR_CODES, MappingError } from "./errors/mapping-error";
export { checkExpressionTree } from "./expression/check-expression-tree";
export type {
  AttributeExpression,
  CallExpression,
  ConstantExpression,
  Expression,
} from "./expression/expression";
export { expressionLimits } from "./expression/expression";
export { parseExpression } from "./expression/parse-expression";
export { printExpression } from "./expression/print-expression";
export type { ParseExpressionResult } from "./expression/safe-parse-expression";
export { safeParseExpression } from "./expression/safe-parse-expression";
export { builtinFunctions } from "./functions/builtins/builtin-functions";
export type { FunctionDefinition, SpecializeContext } from "./functions/function-definition";
export { DYNAMIC } from "./functions/function-definition";
export type { FunctionRegistry } from "./functions/function-registry";
export { createFunctionRegistry } from "./functions/function-registry";
export type { LinearRegex } from "./functions/regex/linear-regex";
export { linearRegex, regexLimits } from "./functions/regex/linear-regex";
export type { PreviewExpressionResult } from "./preview/preview-expression";
export { previewExpression } from "./preview/preview-expression";
export type { PreviewMappingResult, PreviewOptions } from "./preview/preview-mapping";
export { previewMapping, REDACTED } from "./preview/preview-mapping";
