import { jsonValue } from "./json-string";

/** Serialises an entity's selected properties as the inside of a JSON object (no braces). */
export type Selector<T> = (entity: T) => string;

/**
 * Compiles a `$select` list into a serialiser that concatenates pre-built `"key":` prefixes with values:
 * no intermediate objects, no `JSON.stringify` of whole pages.
 */
export function compileSelector<T extends object>(properties: readonly (keyof T & string)[]): Selector<T> {
  const keys = properties.map((p) => `"${p}":`);
  const count = properties.length;
  return (entity) => {
    const record = entity as Record<string, unknown>;
    let out = "";
    for (let i = 0; i < count; i++) {
      out += (i === 0 ? keys[i] : `,${keys[i]}`) + jsonValue(record[properties[i] as string]);
    }
    return out;
  };
}
