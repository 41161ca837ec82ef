import type { FunctionDefinition } from "../function-definition";
import { functionFailure, isNull, kindOf, toInteger, toText } from "../value-kind";

/** Built-ins for multi-valued attributes (arrays). A scalar counts as a one-element array. */
export const collectionFunctions: Record<string, FunctionDefinition> = {
  Count: {
    arity: [1, 1],
    doc: "Number of values: array length, 1 for a scalar.",
    nulls: "null counts 0",
    fn: (value) => (isNull(value) ? 0 : Array.isArray(value) ? value.length : 1),
  },
  Item: {
    arity: [2, 2],
    doc: "Item(values, index): the 1-based index-th value.",
    nulls: "null values or an index out of range give null",
    fn: (values, index) => {
      if (isNull(values)) return null;
      const i = toInteger("Item", index);
      const list = Array.isArray(values) ? values : [values];
      return i >= 1 && i <= list.length ? (list[i - 1] ?? null) : null;
    },
  },
  RemoveDuplicates: {
    arity: [1, 1],
    doc: "Removes repeated values from an array, keeping the first occurrence.",
    nulls: "null in, null out; a scalar is returned as is",
    fn: (values) => {
      if (!Array.isArray(values)) return isNull(values) ? null : values;
      return [...new Set(values)];
    },
  },
};

/** Built-ins for numbers. */
export const numberFunctions: Record<string, FunctionDefinition> = {
  FormatNumber: {
    arity: [2, 4],
    doc: 'FormatNumber(value, decimals, decimalSeparator = ".", groupSeparator = ""): fixed decimals, optional grouping by thousands.',
    nulls: "null value gives null; null separators use the defaults",
    fn: (value, decimals, decimalSeparator, groupSeparator) => {
      if (isNull(value) || value === "") return null;
      const n = typeof value === "string" ? Number(value) : value;
      if (typeof n !== "number" || !Number.isFinite(n)) {
        throw functionFailure(
          "FormatNumber",
          "MAPPING_TYPE_ERROR",
          `expected a number, got ${kindOf(value)}`,
          value,
        );
      }
      const d = toInteger("FormatNumber", decimals);
      if (d < 0 || d > 20)
        throw functionFailure("FormatNumber", "MAPPING_FUNCTION_ERROR", "decimals 0..20", decimals);
      const [whole = "", fraction] = Math.abs(n).toFixed(d).split(".");
      const group = toText("FormatNumber", groupSeparator) ?? "";
      const grouped = group === "" ? whole : whole.replace(/\B(?=(\d{3})+$)/g, group);
      const sign = n < 0 && /[1-9]/.test(whole + (fraction ?? "")) ? "-" : "";
      const point = toText("FormatNumber", decimalSeparator) ?? ".";
      return sign + grouped + (fraction === undefined ? "" : point + fraction);
    },
  },
};
