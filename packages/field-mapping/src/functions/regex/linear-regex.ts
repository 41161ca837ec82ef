import { RE2JS } from "re2js";
import { MappingError } from "../../errors/mapping-error";
import { findAmbiguousAlternation } from "./find-ambiguous-alternation";
import { findNestedQuantifier } from "./find-nested-quantifier";

/**
 * Bounds of the mapping regex engine. Patterns run on RE2 (through `re2js`, a pure JavaScript port), which
 * never backtracks: one evaluation takes time proportional to the pattern's compiled size times the text's
 * length, whatever the pattern. Both factors are capped, so one evaluation has a fixed worst case (tens of
 * milliseconds on a small server; `bench/regex.bench.ts` measures it).
 */
export const regexLimits = {
  /** Most instructions a compiled pattern may have (RE2's program size; `[a-z]+@\w+\.com` is about 20). */
  maxProgramSize: 1_000,
  /** Fixed cost per text character, in instructions, added to the program size when work is counted. */
  perCharacterCost: 50,
  /**
   * Most work one evaluation may take: (program size + `perCharacterCost`) times text length (UTF-16 code
   * units). A 20-instruction pattern runs on texts up to 14,285 characters, the largest pattern on texts up
   * to 952.
   */
  maxWork: 1_000_000,
} as const;

/** A compiled mapping regex: every evaluation is linear in the text and within {@link regexLimits}. */
export interface LinearRegex {
  /** Replaces every match, as `String.prototype.replace` with a global regex and a replacer function. */
  replaceAll(text: string, replacer: (...match: unknown[]) => string): string;
}

/**
 * Compiles a mapping regex on the linear-time engine. Refused with `MAPPING_BAD_REGEX`: a null pattern, the
 * shapes that are exponential on a backtracking engine (`(a+)+`, `(a|aa)*`; still refused so that a mapping
 * stays safe if copied to one), syntax RE2 does not have (lookaround, back-references) or a pattern larger than
 * {@link regexLimits}. A text too long for the pattern is a `MAPPING_FUNCTION_ERROR` of that record. JavaScript spellings such as `\uXXXX` are translated first.
 */
export function linearRegex(fn: string, pattern: string | null): LinearRegex {
  if (pattern === null) {
    throw new MappingError("MAPPING_BAD_REGEX", `${fn}: regular expression is null`, {
      function: fn,
      inputKind: "null",
    });
  }
  const refuse = (message: string, details: { position?: number; cause?: unknown } = {}) =>
    new MappingError("MAPPING_BAD_REGEX", `${fn}: ${message}`, {
      function: fn,
      inputKind: "string",
      ...details,
    });
  const hazard = (position: number, what: string): MappingError =>
    refuse(`the group closing at ${position} ${what}, which can take exponential time`, { position });
  const nested = findNestedQuantifier(pattern);
  if (nested >= 0) throw hazard(nested, "repeats a repetition (like (a+)+)");
  const ambiguous = findAmbiguousAlternation(pattern);
  if (ambiguous >= 0) {
    throw hazard(
      ambiguous,
      "repeats alternatives that can match the same text (like (a|aa)*; use a character class or alternatives that differ in their first character)",
    );
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (cause) {
    throw refuse(
      "invalid regular expression (the linear-time engine has no lookaround and no back-references)",
      { cause },
    );
  }
  if (re.programSize() > regexLimits.maxProgramSize) {
    throw refuse(`regular expression too large (more than ${regexLimits.maxProgramSize} instructions)`);
  }
  const size = re.programSize();
  const cost = size + regexLimits.perCharacterCost;
  return {
    replaceAll: (text, replacer) => {
      if (cost * text.length > regexLimits.maxWork) {
        throw new MappingError(
          "MAPPING_FUNCTION_ERROR",
          `${fn}: text of ${text.length} characters is too long for this regular expression (${size} instructions; at most ${Math.floor(regexLimits.maxWork / cost)} characters)`,
          { function: fn, inputKind: "string" },
        );
      }
      return re.matcher(text).replaceAll(replacer);
    },
  };
}
