import { classEnd } from "./class-end";
import { repeatsAt } from "./repeats-at";

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
      const repeated = repeatsAt(pattern, i + 1);
      if (repeated && inner) return i;
      repeatsInside ||= inner || repeated;
    } else if (repeatsAt(pattern, i)) {
      repeatsInside = true;
    }
  }
  return -1;
}
