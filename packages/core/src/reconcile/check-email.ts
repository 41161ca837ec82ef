import { codePointLabel } from "./code-point-label";
import { isWellFormed } from "./is-well-formed";
/** The outcome of {@link checkEmail}: the matching form of an address, or why it is refused. */
export type EmailCheck =
  | { ok: true; email: string }
  | { ok: false; missing: true }
  | { ok: false; missing: false; reason: string };

/** Control, format (zero-width, bidi), surrogate, separator and default-ignorable (invisible) characters. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}\p{Default_Ignorable_Code_Point}]/u;
/** Printable ASCII: what a non-ASCII character must not fold into (controls are refused before). */
const ASCII = /[ -~]/;
const NON_ASCII = /[^ -~]/;
/** Visible ASCII only (`!` to `~`): the fast path, whose answer the full check would give too. */
const VISIBLE_ASCII = /^[!-~]+$/;

/**
 * The identity rule for e-mail addresses, the key users are matched on: trimmed, normalized to NFC and
 * lower-cased. An address is refused when it holds a control or invisible character (zero-width space, bidi
 * marks, soft hyphen, any space inside...), or a non-ASCII character that NFC or case folding turns into an
 * ASCII one (the Kelvin sign `U+212A` becomes `K` and `k`, `ſ` folds to `s`, `ı` to `i`, `ß` to `ss`): such
 * addresses would merge with, or pass for, another person's. A value that is not a non-empty string is `missing`.
 */
export function checkEmail(value: unknown): EmailCheck {
  if (typeof value !== "string") return { ok: false, missing: true };
  const trimmed = value.trim();
  if (trimmed.length === 0) return { ok: false, missing: true };
  // Nearly every address is visible ASCII (no space, no control): well formed, its own NFC, nothing hidden and
  // nothing that folds; only the lower-casing is left to do.
  if (VISIBLE_ASCII.test(trimmed)) return { ok: true, email: trimmed.toLowerCase() };
  if (!isWellFormed(trimmed))
    return { ok: false, missing: false, reason: "holds an unpaired surrogate (broken UTF-16)" };
  const nfc = trimmed.normalize("NFC");
  const hidden = HIDDEN.exec(nfc);
  if (hidden)
    return {
      ok: false,
      missing: false,
      reason: `holds a control or invisible character (${codePointLabel(hidden[0])})`,
    };
  if (NON_ASCII.test(trimmed) || NON_ASCII.test(nfc)) {
    const folding = foldsToAscii(trimmed) ?? foldsToAscii(nfc);
    if (folding)
      return {
        ok: false,
        missing: false,
        reason: `holds ${codePointLabel(folding)}, which normalization or case folding turns into the ASCII "${foldOf(folding)}"`,
      };
  }
  return { ok: true, email: nfc.toLowerCase() };
}

/** What a character becomes under NFC and case folding (lower-casing, and upper- then lower-casing). */
function foldsOf(char: string): string[] {
  const nfc = char.normalize("NFC");
  return [nfc, nfc.toLowerCase(), nfc.toUpperCase().toLowerCase()];
}

function foldOf(char: string): string {
  return foldsOf(char).find((fold) => ASCII.test(fold)) ?? char;
}

function foldsToAscii(text: string): string | null {
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    if (foldsOf(char).some((fold) => ASCII.test(fold))) return char;
  }
  return null;
}
