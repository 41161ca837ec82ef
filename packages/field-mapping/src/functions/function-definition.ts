/** Marks an argument whose value is only known per record, in {@link SpecializeContext.constants}. */
export const DYNAMIC: unique symbol = Symbol("dynamic");

/** What a function's `specialize` hook learns at compile time. */
export interface SpecializeContext {
  /** Each argument's constant value, or {@link DYNAMIC} when it depends on the record. */
  constants: readonly unknown[];
  /** The mapping set's value-map tables. */
  valueMaps: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The injected clock. */
  clock: () => Date;
}

/** A function callable from mapping expressions. */
export interface FunctionDefinition {
  /** Fewest and most arguments accepted (`Infinity` for variadic). */
  arity: readonly [min: number, max: number];
  /** The implementation; receives evaluated arguments, `undefined` for missing attributes. */
  fn: (...args: unknown[]) => unknown;
  /** Pure functions with constant arguments are folded at compile time. Defaults to `true`. */
  pure?: boolean;
  /** One-line description for admin UIs and docs. */
  doc: string;
  /** How the function treats null arguments. */
  nulls?: string;
  /** Extra argument-count rule beyond `arity`; returns a message when the count is wrong. */
  checkArgs?: (count: number) => string | undefined;
  /**
   * Compile-time specialisation: given which arguments are constants, return a faster implementation
   * (hoisted regex, value map, date format) or throw a `MappingError` for a bad constant.
   */
  specialize?: (context: SpecializeContext) => ((...args: unknown[]) => unknown) | undefined;
}
