/**
 * Finds the first group that repeats something already repeated (`(a+)+`, `(\w*)*`, `(?:x+|y){2,}`): the
 * shape of patterns whose backtracking can take exponential time on a short non-matching text. Returns the
 * 0-based offset of the group's closing parenthesis, or -1. Escapes and character classes are skipped; a
 * quantifier that can repeat at most once (`?`, `{0,1}`, `{1}`) does not count.
 */
export function findNestedQuantifier(pattern: string): number {
  const groups: boolean[] = [];
  let repeatsInside = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
    } else if (c === "[") {
      i = classEnd(pattern, i);
    } else if (c === "(") {
      groups.push(repeatsInside);
      repeatsInside = false;
    } else if (c === ")") {
      const inner: boolean = repeatsInside;
      repeatsInside = groups.pop() ?? false;
      const repeated = quantifierAt(pattern, i + 1);
      if (repeated && inner) return i;
      repeatsInside ||= inner || repeated;
    } else if (quantifierAt(pattern, i)) {
      repeatsInside = true;
    }
  }
  return -1;
}

/** Whether a quantifier that can repeat more than once starts at `i` (`*`, `+`, `{n,}`, `{n,m}` with m > 1). */
function quantifierAt(pattern: string, i: number): boolean {
  const c = pattern[i];
  if (c === "*" || c === "+") return true;
  if (c !== "{") return false;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
  if (match === null) return false;
  if (match[2] === undefined) return Number(match[1]) > 1;
  return match[3] === "" || Number(match[3]) > 1;
}

function classEnd(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "]") return i;
  }
  return pattern.length;
}
