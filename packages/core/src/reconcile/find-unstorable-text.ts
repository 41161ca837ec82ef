import { codePointLabel } from "./code-point-label";
import { isWellFormed } from "./is-well-formed";

/** A string no storage can hold as text, and where it is. */
export interface UnstorableText {
  /** Dotted path of the value (or key) inside the record, e.g. `attributes.office`. */
  path: string;
  /** What is wrong, e.g. `a NUL character (U+0000)`. */
  problem: string;
}

/** What is wrong with one string, or null. */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return `a NUL character (${codePointLabel("\u0000")})`;
  if (!isWellFormed(text)) return "an unpaired surrogate (broken UTF-16)";
  return null;
}

/**
 * Finds the first string, or object key, anywhere in `value` that storage cannot hold: a NUL character
 * (PostgreSQL's text and jsonb refuse it) or an unpaired surrogate (not valid Unicode). `null` when there is
 * none. The sync turns such a record into a per-record failure instead of letting its page fail.
 */
export function findUnstorableText(value: unknown, path: string): UnstorableText | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (typeof value !== "object" || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value instanceof Date) return null;
  for (const key in value) {
    const keyProblem = textProblem(key);
    if (keyProblem) return { path: `${path} (a key)`, problem: keyProblem };
    const found = findUnstorableText((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}
