import { DYNAMIC, type FunctionDefinition } from "../function-definition";
import { functionFailure, isNull, toText } from "../value-kind";

const nullIn = "null in, null out";

const diacriticFolds: Record<string, string> = {
  ß: "ss",
  ẞ: "SS",
  æ: "ae",
  Æ: "AE",
  ø: "o",
  Ø: "O",
  œ: "oe",
  Œ: "OE",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "TH",
  ı: "i",
};
const foldPattern = /[ßẞæÆøØœŒłŁđĐðÐþÞı]/g;
const combiningMarks = /\p{M}/gu;

function joinParts(sep: string, values: readonly unknown[]): string | null {
  const parts: string[] = [];
  for (const v of values) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (isNull(item)) continue;
      const s = toText("Join", item);
      if (s !== null && s !== "") parts.push(s);
    }
  }
  return parts.length === 0 ? null : parts.join(sep);
}

function strip(fn: string, value: unknown, op: (s: string) => string): string | null {
  const s = toText(fn, value);
  return s === null ? null : op(s);
}

/** Built-ins that transform one text value: case, trimming, spaces, diacritics, concatenation. */
export const textFunctions: Record<string, FunctionDefinition> = {
  Append: {
    arity: [2, 2],
    doc: "Appends the suffix to the source text.",
    nulls: "null source gives null; a null suffix appends nothing",
    fn: (source, suffix) => {
      const s = toText("Append", source);
      return s === null ? null : s + (toText("Append", suffix) ?? "");
    },
  },
  CStr: {
    arity: [1, 1],
    doc: "Converts to text: numbers and booleans via String, dates as ISO 8601.",
    nulls: nullIn,
    fn: (value) => toText("CStr", value),
  },
  ToLower: {
    arity: [1, 2],
    doc: "Lower-cases the text (the optional culture argument is accepted and ignored: invariant rules).",
    nulls: nullIn,
    fn: (value) => strip("ToLower", value, (s) => s.toLowerCase()),
  },
  ToUpper: {
    arity: [1, 2],
    doc: "Upper-cases the text (the optional culture argument is accepted and ignored: invariant rules).",
    nulls: nullIn,
    fn: (value) => strip("ToUpper", value, (s) => s.toUpperCase()),
  },
  Trim: {
    arity: [1, 1],
    doc: "Removes leading and trailing white space.",
    nulls: nullIn,
    fn: (value) => strip("Trim", value, (s) => s.trim()),
  },
  StripSpaces: {
    arity: [1, 1],
    doc: "Removes every space character (U+0020).",
    nulls: nullIn,
    fn: (value) => strip("StripSpaces", value, (s) => s.replaceAll(" ", "")),
  },
  NormalizeDiacritics: {
    arity: [1, 1],
    doc: "Replaces accented letters by their base letters (é -> e, ß -> ss, ø -> o).",
    nulls: nullIn,
    fn: (value) =>
      strip("NormalizeDiacritics", value, (s) =>
        s
          .normalize("NFD")
          .replace(combiningMarks, "")
          .replace(foldPattern, (c) => diacriticFolds[c] ?? c),
      ),
  },
  PCase: {
    arity: [1, 2],
    doc: "Capitalises the first letter of each word and lower-cases the rest; words listed in the optional second argument (space separated) stay as they are.",
    nulls: "null source gives null; a null exclusion list excludes nothing",
    fn: (value, exclude) => {
      const s = toText("PCase", value);
      if (s === null) return null;
      const keep = new Set((toText("PCase", exclude) ?? "").split(" ").filter(Boolean));
      return s.replace(/\p{L}[\p{L}\p{N}'’]*/gu, (w) =>
        keep.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
      );
    },
  },
  Join: {
    arity: [2, Number.POSITIVE_INFINITY],
    doc: "Joins the values (arrays are flattened) with the separator, skipping null and empty values.",
    nulls: "null or empty values are skipped; null when nothing is left; a null separator joins with ''",
    fn: (separator, ...values) => joinParts(toText("Join", separator) ?? "", values),
    specialize: ({ constants }) => {
      const sep = constants[0];
      if (sep === DYNAMIC || constants.length > 4) return undefined;
      const s = toText("Join", sep) ?? "";
      const part = (v: unknown) => (typeof v === "string" ? v : isNull(v) ? "" : (joinParts(s, [v]) ?? ""));
      const glue = (x: string, y: string) => (x === "" ? y : y === "" ? x : x + s + y);
      if (constants.length === 2) return (_, a) => part(a) || null;
      if (constants.length === 3) return (_, a, b) => glue(part(a), part(b)) || null;
      return (_, a, b, c) => glue(glue(part(a), part(b)), part(c)) || null;
    },
  },
  Left: {
    arity: [2, 2],
    doc: "The first n characters of the text (all of it when shorter).",
    nulls: "null source gives null; a null or empty count is an error (not 0)",
    fn: (value, count) => {
      const s = toText("Left", value);
      if (s === null) return null;
      const text = typeof count === "number" ? null : toText("Left", count);
      const n =
        typeof count === "number" ? count : text === null || text.trim() === "" ? Number.NaN : Number(text);
      if (!Number.isInteger(n) || n < 0) {
        throw functionFailure(
          "Left",
          "MAPPING_FUNCTION_ERROR",
          "count must be a non-negative integer",
          count,
        );
      }
      return s.slice(0, n);
    },
  },
};
