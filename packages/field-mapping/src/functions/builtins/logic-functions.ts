import { MappingError } from "../../errors/mapping-error";
import { DYNAMIC, type FunctionDefinition } from "../function-definition";
import { isEmpty, isNull, toBool, toText } from "../value-kind";

/** Equality used by `=`, `<>` and Switch keys: null equals only null; dates by instant; else as text. */
function looseEquals(a: unknown, b: unknown): boolean {
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
  if (typeof a === typeof b && typeof a !== "object") return a === b;
  return toText("Equals", a) === toText("Equals", b);
}

function switchKey(value: unknown): string | null {
  return isNull(value) ? null : toText("Switch", value);
}

/** Built-ins for conditions and choices. IIF, And, Or and Coalesce evaluate their arguments lazily. */
export const logicFunctions: Record<string, FunctionDefinition> = {
  IIF: {
    arity: [3, 3],
    doc: "IIF(condition, whenTrue, whenFalse); only the chosen branch is evaluated.",
    nulls: "a null condition counts as false (Entra fails instead)",
    fn: (condition, whenTrue, whenFalse) => (toBool("IIF", condition) ? whenTrue : whenFalse),
  },
  And: {
    arity: [1, Number.POSITIVE_INFINITY],
    doc: "True when every argument is true; stops at the first false one.",
    nulls: "null counts as false",
    fn: (...values) => values.every((v) => toBool("And", v)),
  },
  Or: {
    arity: [1, Number.POSITIVE_INFINITY],
    doc: "True when any argument is true; stops at the first true one.",
    nulls: "null counts as false",
    fn: (...values) => values.some((v) => toBool("Or", v)),
  },
  Not: {
    arity: [1, 1],
    doc: "Boolean negation.",
    nulls: "null counts as false, so Not(null) is true",
    fn: (value) => !toBool("Not", value),
  },
  CBool: {
    arity: [1, 1],
    doc: 'Converts to a boolean: numbers are true unless 0; text "true"/"false"/"1"/"0" in any case.',
    nulls: "null in, null out",
    fn: (value) => (isNull(value) ? null : toBool("CBool", value)),
  },
  Equals: {
    arity: [2, 2],
    doc: "a = b: equal values (text comparison across kinds, case-sensitive).",
    nulls: "null equals only null",
    fn: looseEquals,
  },
  NotEquals: {
    arity: [2, 2],
    doc: "a <> b: the negation of Equals.",
    nulls: "null equals only null",
    fn: (a, b) => !looseEquals(a, b),
  },
  Coalesce: {
    arity: [1, Number.POSITIVE_INFINITY],
    doc: "The first argument that is neither null nor empty text; later arguments are not evaluated.",
    nulls: 'skips null and "" values; null when all are',
    fn: (...values) => values.find((v) => !isNull(v) && v !== "") ?? null,
  },
  IsNull: {
    arity: [1, 1],
    doc: "True when the value is null or the attribute is missing.",
    nulls: "the point of the function",
    fn: (value) => isNull(value),
  },
  IsNullOrEmpty: {
    arity: [1, 1],
    doc: 'True when the value is null, "" or an empty array.',
    nulls: "the point of the function",
    fn: isEmpty,
  },
  IsPresent: {
    arity: [1, 1],
    doc: "The negation of IsNullOrEmpty.",
    nulls: "the point of the function",
    fn: (value) => !isEmpty(value),
  },
  IgnoreFlowIfNullOrEmpty: {
    arity: [1, 1],
    doc: "Outermost only: when the value is null or empty the target is skipped (not written).",
    nulls: "null or empty skips the target",
    fn: (value) => value,
  },
  Redact: {
    arity: [1, 1],
    doc: "Passes the value through and marks the whole rule as redacted: its errors and previews never show values.",
    nulls: "null in, null out",
    fn: (value) => value,
  },
  Switch: {
    arity: [2, Number.POSITIVE_INFINITY],
    doc: "Switch(source, default, key1, value1, ...): the value of the first key equal to the source (as text), else default.",
    nulls: "a null source gives the default (never a silent null); null keys never match",
    checkArgs: (n) => (n % 2 === 0 ? undefined : "Switch needs source, default and key/value pairs"),
    fn: (source, fallback, ...pairs) => {
      const key = switchKey(source);
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        if (key !== null && !isNull(pairs[i]) && toText("Switch", pairs[i]) === key) return pairs[i + 1];
      }
      return fallback;
    },
    specialize: ({ constants }) => {
      const keys = constants.slice(2).filter((_, i) => i % 2 === 0);
      if (keys.some((k) => k === DYNAMIC)) return undefined;
      const index = new Map<string, number>();
      keys.forEach((k, i) => {
        const text = switchKey(k);
        if (text !== null && !index.has(text)) index.set(text, 2 + 2 * i + 1);
      });
      const values = constants.slice();
      if (values.slice(2).every((v) => v !== DYNAMIC)) {
        return (source, fallback) => {
          const at =
            typeof source === "string"
              ? index.get(source)
              : isNull(source)
                ? undefined
                : index.get(switchKey(source)!);
          return at === undefined ? fallback : values[at];
        };
      }
      return (...args) => {
        const key = switchKey(args[0]);
        const at = key === null ? undefined : index.get(key);
        return at === undefined ? args[1] : args[at];
      };
    },
  },
  MapValue: {
    arity: [2, 3],
    doc: 'MapValue(source, "table", default?): looks the source (as text) up in the mapping set\'s valueMaps table.',
    nulls: "null source or a missing key gives the default (null when absent)",
    fn: () => {
      throw new MappingError("MAPPING_INVALID_CONFIG", "MapValue: the table name must be a constant string");
    },
    specialize: ({ constants, valueMaps }) => {
      const name = constants[1];
      if (typeof name !== "string") {
        throw new MappingError(
          "MAPPING_INVALID_CONFIG",
          "MapValue: the table name must be a constant string",
        );
      }
      const table = Object.hasOwn(valueMaps, name) ? valueMaps[name] : undefined;
      if (table === undefined) {
        throw new MappingError(
          "MAPPING_INVALID_CONFIG",
          `MapValue: no value map named ${JSON.stringify(name)}`,
        );
      }
      const map = new Map(Object.entries(table));
      return (source, _name, fallback) => {
        const key = isNull(source) ? undefined : toText("MapValue", source);
        const hit = key === undefined || key === null ? undefined : map.get(key);
        return hit === undefined ? (fallback ?? null) : hit;
      };
    },
  },
};
