import { classEnd } from "./class-end";
import { repeatsAt } from "./repeats-at";

/**
 * Finds the first repeated group whose alternatives may match the same text (`(a|a)*`, `(a|aa)+`, `(\w|\d)*`,
 * `(x|)+`): each repetition can then be split among the alternatives in many ways, and backtracking over a
 * short non-matching text takes exponential time. Returns the 0-based offset of the group's closing
 * parenthesis, or -1.
 *
 * The check is conservative: alternatives are accepted as disjoint only when they are all plain literal text
 * none of which is a prefix of another (`(ab|cd)+`, `(bar|baz)+`), or when each starts with a literal
 * character no other starts with (`(a\d|b\w)+`). Anything else in a repeated group (a class, escape, dot or
 * group first) is refused; a character class (`[ab]+`) says the same without alternation.
 */
export function findAmbiguousAlternation(pattern: string): number {
  // per open group: where each top-level alternative starts
  const groups: { starts: number[] }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "[") i = classEnd(pattern, i);
    else if (c === "(") groups.push({ starts: [bodyStart(pattern, i)] });
    else if (c === "|") groups.at(-1)?.starts.push(i + 1);
    else if (c === ")") {
      const group = groups.pop();
      if (group && group.starts.length > 1 && repeatsAt(pattern, i + 1)) {
        const ends = [...group.starts.slice(1).map((s) => s - 1), i];
        const alternatives = group.starts.map((start, k) => pattern.slice(start, ends[k]));
        if (mayOverlap(alternatives)) return i;
      }
    }
  }
  return -1;
}

const META = new Set([..."\\[]().^$|*+?{}"]);

const isLiteral = (text: string): boolean => [...text].every((c) => !META.has(c));

function mayOverlap(alternatives: string[]): boolean {
  if (alternatives.some((a) => a === "")) return true;
  if (alternatives.every(isLiteral)) {
    const texts = alternatives.map((a) => a.toLowerCase());
    return texts.some((a, i) => texts.some((b, j) => i !== j && b.startsWith(a)));
  }
  const firsts = alternatives.map((a) => (META.has(a[0] as string) ? undefined : a[0]?.toLowerCase()));
  return firsts.some((f) => f === undefined) || new Set(firsts).size < firsts.length;
}

/** Where a group's own pattern starts: after `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>`. */
function bodyStart(pattern: string, open: number): number {
  if (pattern[open + 1] !== "?") return open + 1;
  const kind = pattern[open + 2];
  if (kind === ":" || kind === "=" || kind === "!") return open + 3;
  if (kind === "<") {
    if (pattern[open + 3] === "=" || pattern[open + 3] === "!") return open + 4;
    const close = pattern.indexOf(">", open);
    return close < 0 ? open + 1 : close + 1;
  }
  return open + 1;
}
