/**
 * Whether a quantifier that can repeat more than once starts at `i` of a regex source: `*`, `+`, `{n,}`, or
 * `{n}` / `{n,m}` with n (or m) above 1. `?`, `{0,1}` and `{1}` repeat at most once.
 */
export function repeatsAt(pattern: string, i: number): boolean {
  const c = pattern[i];
  if (c === "*" || c === "+") return true;
  if (c !== "{") return false;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
  if (match === null) return false;
  if (match[2] === undefined) return Number(match[1]) > 1;
  return match[3] === "" || Number(match[3]) > 1;
}
