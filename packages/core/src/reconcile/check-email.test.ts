import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEmail } from "./check-email";
import { normalizeEmail } from "./normalize-email";

describe("checkEmail (the identity rule for addresses)", () => {
  it("trims, normalizes to NFC and lower-cases", () => {
    const nfd = "Jose\u0301@Example.com";
    const nfc = "Jos\u00e9@example.com";
    expect(checkEmail(nfd)).toEqual({ ok: true, email: "jos\u00e9@example.com" });
    expect(checkEmail(` ${nfc} `)).toEqual({ ok: true, email: "jos\u00e9@example.com" });
    expect(normalizeEmail(nfd)).toBe(normalizeEmail(nfc));
  });

  it("treats non-strings and blanks as missing", () => {
    for (const value of [undefined, null, 42, "", "   "])
      expect(checkEmail(value)).toEqual({ ok: false, missing: true });
  });

  it.each([
    ["zero-width space", "ali\u200bce@x.com", "U+200B"],
    ["zero-width joiner", "alice\u200d@x.com", "U+200D"],
    ["byte order mark inside", "al\ufeffice@x.com", "U+FEFF"],
    ["soft hyphen", "al\u00adice@x.com", "U+00AD"],
    ["right-to-left override", "alice\u202e@x.com", "U+202E"],
    ["NUL", "alice\u0000@x.com", "U+0000"],
    ["a tab inside", "ali\tce@x.com", "U+0009"],
    ["a space inside", "ali ce@x.com", "U+0020"],
    ["Hangul filler", "alice\u3164@x.com", "U+3164"],
    ["variation selector", "alice\ufe0f@x.com", "U+FE0F"],
  ])("refuses a control or invisible character: %s", (_, value, label) => {
    const result = checkEmail(value);
    expect(result).toMatchObject({ ok: false, missing: false });
    expect(!result.ok && !result.missing && result.reason).toContain(label);
    expect(normalizeEmail(value)).toBeNull();
  });

  it("refuses an unpaired surrogate", () => {
    expect(checkEmail("alice\ud800@x.com")).toMatchObject({ ok: false, missing: false });
  });

  it.each([
    ["Kelvin sign", "\u212Aim@x.com", "U+212A"],
    ["long s", "\u017Fam@x.com", "U+017F"],
    ["dotless i", "y\u0131ld\u0131z@x.com", "U+0131"],
    ["capital I with dot", "\u0130nci@x.com", "U+0130"],
    ["sharp s", "stra\u00dfe@x.com", "U+00DF"],
    ["fi ligature", "\ufb01nn@x.com", "U+FB01"],
  ])("refuses a character whose case folding gives ASCII: %s", (_, value, label) => {
    const result = checkEmail(value);
    expect(!result.ok && !result.missing && result.reason).toContain(label);
  });

  it("keeps other non-ASCII addresses", () => {
    expect(checkEmail("Jürgen.Müller@Example.de")).toEqual({ ok: true, email: "jürgen.müller@example.de" });
    expect(checkEmail("ΣΩΚΡΑΤΗΣ@example.gr")).toEqual({ ok: true, email: "σωκρατης@example.gr" });
    expect(checkEmail("用户@例子.中国")).toEqual({ ok: true, email: "用户@例子.中国" });
  });
});

describe("checkEmail on visible ASCII (its fast path)", () => {
  /** The full rule for an ASCII address: nothing hidden (controls, spaces), else NFC and lower case. */
  const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}\p{Default_Ignorable_Code_Point}]/u;
  it("answers as the full rule does", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }),
        (s) => {
          const trimmed = s.trim();
          const want =
            trimmed.length === 0
              ? { ok: false, missing: true }
              : HIDDEN.test(trimmed.normalize("NFC"))
                ? { ok: false, missing: false }
                : { ok: true, email: trimmed.normalize("NFC").toLowerCase() };
          const got = checkEmail(s);
          expect(got.ok ? got : { ok: got.ok, missing: got.missing }).toEqual(want);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
