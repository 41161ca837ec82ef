import { DYNAMIC, type FunctionDefinition } from "../function-definition";
import { type LinearRegex, linearRegex } from "../regex/linear-regex";
import { functionFailure, toInteger, toText } from "../value-kind";

const regex = (fn: string, pattern: unknown): LinearRegex => linearRegex(fn, toText(fn, pattern));

function replaceWith(source: unknown, re: LinearRegex, replacement: unknown): string | null {
  const s = toText("Replace", source);
  if (s === null) return null;
  const r = toText("Replace", replacement) ?? "";
  return re.replaceAll(s, () => r);
}

function entraReplace(args: unknown[]): string | null {
  const [source, oldValue, pattern, group, replacementValue, replacementAttribute] = args;
  const s = toText("Replace", source);
  if (s === null) return null;
  const replacement = toText("Replace", replacementAttribute ?? replacementValue) ?? "";
  const old = toText("Replace", oldValue);
  if (old !== null && old !== "") return s.replaceAll(old, () => replacement);
  if (pattern === null || pattern === undefined || pattern === "") return s;
  const re = regex("Replace", pattern);
  const groupName = toText("Replace", group);
  if (groupName === null || groupName === "") return re.replaceAll(s, () => replacement);
  return re.replaceAll(s, (...m: unknown[]) => {
    const groups = m.at(-1) as Record<string, string | undefined> | undefined;
    const whole = m[0] as string;
    const part = typeof groups === "object" ? groups[groupName] : undefined;
    return part === undefined ? whole : whole.replace(part, () => replacement);
  });
}

/** Built-ins that search or cut text: InStr, Mid, Word, Split, Replace. */
export const textSearchFunctions: Record<string, FunctionDefinition> = {
  InStr: {
    arity: [2, 4],
    doc: 'InStr(value, search, start?, compareType?): 1-based position of search, 0 when absent; compareType "vbTextCompare" ignores case.',
    nulls: "null value or search gives null",
    fn: (value, search, start, compare) => {
      const s = toText("InStr", value);
      const t = toText("InStr", search);
      if (s === null || t === null) return null;
      const from = start === null || start === undefined ? 1 : toInteger("InStr", start);
      if (from < 1) throw functionFailure("InStr", "MAPPING_FUNCTION_ERROR", "start must be >= 1", start);
      const fold = compare === "vbTextCompare";
      return (fold ? s.toLowerCase() : s).indexOf(fold ? t.toLowerCase() : t, from - 1) + 1;
    },
  },
  Mid: {
    arity: [3, 3],
    doc: "Mid(value, start, length): substring from the 1-based start, at most length characters.",
    nulls: "null value gives null",
    fn: (value, start, length) => {
      const s = toText("Mid", value);
      if (s === null) return null;
      const from = toInteger("Mid", start);
      const n = toInteger("Mid", length);
      if (from < 1 || n < 0)
        throw functionFailure("Mid", "MAPPING_FUNCTION_ERROR", "start < 1 or length < 0", start);
      return s.slice(from - 1, from - 1 + n);
    },
  },
  Word: {
    arity: [3, 3],
    doc: "Word(value, n, delimiters): the 1-based n-th word, splitting on any character of delimiters.",
    nulls: "null value gives null; null when there are fewer than n words",
    fn: (value, n, delimiters) => {
      const s = toText("Word", value);
      if (s === null) return null;
      const index = toInteger("Word", n);
      const delims = new Set(toText("Word", delimiters) ?? " ");
      const words: string[] = [];
      let current = "";
      for (const c of s) {
        if (delims.has(c)) {
          if (current !== "") words.push(current);
          current = "";
        } else current += c;
      }
      if (current !== "") words.push(current);
      return index >= 1 && index <= words.length ? words[index - 1] : null;
    },
  },
  Split: {
    arity: [2, 2],
    doc: "Split(value, delimiter): splits the text into an array.",
    nulls: "null value gives null; a null or empty delimiter gives a one-element array",
    fn: (value, delimiter) => {
      const s = toText("Split", value);
      if (s === null) return null;
      const d = toText("Split", delimiter);
      return d === null || d === "" ? [s] : s.split(d);
    },
  },
  Replace: {
    arity: [3, 7],
    doc: "Replace(source, regex, replacement) replaces every regex match; the 7-argument Entra form Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template) is supported too (template is ignored).",
    nulls: "null source gives null; a null replacement replaces with ''",
    checkArgs: (n) =>
      n === 3 || n === 7 ? undefined : "Replace takes 3 arguments (regex form) or 7 (Entra form)",
    fn: (...args) =>
      args.length === 3 ? replaceWith(args[0], regex("Replace", args[1]), args[2]) : entraReplace(args),
    specialize: ({ constants }) => {
      const pattern = constants.length === 3 ? constants[1] : constants[2];
      if (pattern === DYNAMIC || pattern === null || pattern === "") return undefined;
      const re = regex("Replace", pattern);
      if (constants.length === 3) return (source, _p, replacement) => replaceWith(source, re, replacement);
      return undefined;
    },
  },
};
