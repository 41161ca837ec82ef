/** Array literals shorter than this are bound as they come: a short value could be bound under two types. */
const SHARED_MIN_LENGTH = 64;

/**
 * The parameters of one statement, bound while its text is written. A page's head feeds the same arrays to several
 * CTEs (the links' external ids to the link insert and the waiting owners' update, the new users' ids to the user
 * insert and the links' user ids...): each is built once under its key, and a long array literal equal to one
 * already bound is sent (and parsed by the server) once.
 */
export interface StatementParams {
  /** The values in placeholder order. */
  readonly values: unknown[];
  /** Binds `value` and returns its placeholder (`$n`). */
  bind(value: unknown): string;
  /** The placeholder of what `build` returns, built and bound on the first call with `key` only. */
  shared(key: string, build: () => unknown): string;
}

/** Creates the parameters of a statement whose first placeholders are `first` (`$1`, `$2`...). */
export function statementParams(first: ReadonlyArray<unknown>): StatementParams {
  const values = [...first];
  const byKey = new Map<string, string>();
  const byLiteral = new Map<string, string>();
  const bind = (value: unknown): string => `$${values.push(value)}`;
  return {
    values,
    bind,
    shared(key, build) {
      let placeholder = byKey.get(key);
      if (placeholder !== undefined) return placeholder;
      const value = build();
      if (typeof value === "string" && value.length >= SHARED_MIN_LENGTH && value[0] === "{") {
        placeholder = byLiteral.get(value);
        if (placeholder === undefined) {
          placeholder = bind(value);
          byLiteral.set(value, placeholder);
        }
      } else {
        placeholder = bind(value);
      }
      byKey.set(key, placeholder);
      return placeholder;
    },
  };
}
