import { MappingError, type MappingErrorCode } from "../errors/mapping-error";

/** The kind of a value as reported in errors: never the value itself. */
export type ValueKind = "null" | "string" | "number" | "boolean" | "date" | "array" | "object" | "function";

/** Classifies a value for error reports (`undefined` counts as `null`). */
export function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "date";
  const t = typeof value;
  if (t === "string" || t === "number" || t === "boolean" || t === "function") return t;
  return "object";
}

/** `null` or `undefined` (a missing attribute). */
export function isNull(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Null, `""` or an empty array. */
export function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

/** Builds the typed per-record failure of a function, naming the function and the input kind only. */
export function functionFailure(
  fn: string,
  code: MappingErrorCode,
  message: string,
  input: unknown,
): MappingError {
  return new MappingError(code, `${fn}: ${message}`, { function: fn, inputKind: kindOf(input) });
}

/**
 * CStr semantics: strings as is, numbers and booleans via `String`, dates as ISO 8601; null stays null;
 * arrays and objects are a `MAPPING_TYPE_ERROR`.
 */
export function toText(fn: string, value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw functionFailure(fn, "MAPPING_TYPE_ERROR", "invalid date", value);
    return value.toISOString();
  }
  throw functionFailure(fn, "MAPPING_TYPE_ERROR", `expected a text value, got ${kindOf(value)}`, value);
}

/**
 * Boolean semantics used by IIF, And, Or, Not and CBool: null is false; numbers are true unless 0;
 * strings `"true"`/`"false"`/`"1"`/`"0"` (any case, trimmed); anything else is a `MAPPING_TYPE_ERROR`.
 */
export function toBool(fn: string, value: unknown): boolean {
  if (value === true || value === false) return value;
  if (value === null || value === undefined) return false;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  if (typeof value === "string") {
    const s = value.trim().toLowerCase();
    if (s === "true" || s === "1") return true;
    if (s === "false" || s === "0" || s === "") return false;
    throw functionFailure(fn, "MAPPING_TYPE_ERROR", "text is not a boolean", value);
  }
  throw functionFailure(fn, "MAPPING_TYPE_ERROR", `expected a boolean, got ${kindOf(value)}`, value);
}

/** Integer argument (count, index): numbers or numeric strings; anything else is a `MAPPING_TYPE_ERROR`. */
export function toInteger(fn: string, value: unknown): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw functionFailure(fn, "MAPPING_TYPE_ERROR", `expected an integer, got ${kindOf(value)}`, value);
  }
  return n;
}
