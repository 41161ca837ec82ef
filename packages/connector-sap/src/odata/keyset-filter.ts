import { formatODataLiteral, type ODataLiteral, type ODataVersion } from "./odata-literal";

/** One key property and the value of the last row received. */
export interface KeysetPart {
  name: string;
  value: ODataLiteral;
}

/**
 * The `$filter` that continues a listing ordered by `keys` right after the last row received: for one key
 * `K gt v`, for a compound key the expanded form `(K1 gt v1) or (K1 eq v1 and K2 gt v2) or ...`. `undefined`
 * for no keys (the first page).
 *
 * @example
 * ```ts
 * keysetFilter([{ name: "Equipment", value: { type: "string", value: "100" } }], "v2"); // "Equipment gt '100'"
 * ```
 */
export function keysetFilter(keys: ReadonlyArray<KeysetPart>, version: ODataVersion): string | undefined {
  if (keys.length === 0) return undefined;
  const literals = keys.map((k) => formatODataLiteral(k.value, version));
  const branches: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const equal = keys.slice(0, i).map((k, j) => `${k.name} eq ${literals[j]}`);
    branches.push([...equal, `${keys[i]?.name} gt ${literals[i]}`].join(" and "));
  }
  return branches.length === 1 ? branches[0] : branches.map((b) => `(${b})`).join(" or ");
}

/** Joins filter terms with `and`, each in parentheses when it holds more than one term. */
export function andFilters(...terms: ReadonlyArray<string | undefined>): string | undefined {
  const present = terms.filter((t): t is string => t !== undefined && t.trim() !== "");
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return present.map((t) => (/\s(or|and)\s/.test(t) ? `(${t})` : t)).join(" and ");
}
