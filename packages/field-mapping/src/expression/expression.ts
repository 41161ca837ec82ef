/** Reads a (possibly nested) attribute of the record: `[manager.mail]` is `{ path: ["manager", "mail"] }`. */
export interface AttributeExpression {
  type: "attribute";
  path: string[];
}

/** A literal value: `"text"`, `42`, `true`, `null`. */
export interface ConstantExpression {
  type: "constant";
  value: string | number | boolean | null;
}

/** A function call such as `ToLower([mail])`; `=` and `<>` parse to `Equals` and `NotEquals` calls. */
export interface CallExpression {
  type: "call";
  name: string;
  args: Expression[];
}

/** The JSON syntax tree of a mapping expression, a discriminated union on `type`. */
export type Expression = AttributeExpression | ConstantExpression | CallExpression;

/** Bounds that keep parsing and compiling linear and stack-safe on hostile input. */
export const expressionLimits = {
  /** Deepest nesting of calls accepted. */
  maxDepth: 64,
  /** Most nodes in one expression tree. */
  maxNodes: 10_000,
  /** Longest expression text accepted, in characters. */
  maxLength: 100_000,
} as const;

/**
 * Attribute names that would reach into an object's prototype (`__proto__`, `constructor`, `toString`,
 * every other `Object.prototype` member, and `prototype`); rejected everywhere.
 */
export const forbiddenAttributeNames: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "prototype",
]);
