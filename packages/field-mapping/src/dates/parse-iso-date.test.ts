import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileDateFormat } from "./compile-date-format";
import { createDateFields, type DateFields } from "./date-fields";
import { parseIsoDate } from "./parse-iso-date";

const parsed = (text: string): DateFields | false => {
  const fields = createDateFields();
  return parseIsoDate(text, fields) ? fields : false;
};

const validIso = fc
  .date({ min: new Date(-62135596800000), max: new Date(253402300799000), noInvalidDate: true })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, "Z"));

/** Text of `length` drawn mostly from what ISO dates are made of, often exactly the right shape. */
const isoLike = (length: number) =>
  fc.oneof(
    // a valid date with one character changed
    fc.tuple(validIso, fc.nat(), fc.constantFrom(..."0123456789-T:Z+ ./a")).map(([text, at, c]) => {
      const i = at % length;
      return text.slice(0, i) + c + text.slice(i + 1, length);
    }),
    fc.string({ unit: fc.constantFrom(..."0123456789-T:Z+ ."), minLength: length, maxLength: length }),
    fc
      .date({ min: new Date(-62135596800000), max: new Date(253402300799000), noInvalidDate: true })
      .map((d) =>
        d
          .toISOString()
          .replace(/\.\d{3}Z$/, "Z")
          .slice(0, length),
      ),
    fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(([y, M, d]) => {
        const p = (n: number, w: number) => String(n).padStart(w, "0");
        return `${p(y, 4)}-${p(M, 2)}-${p(d, 2)}T${p(d % 30, 2)}:${p(M % 70, 2)}:${p(y % 61, 2)}Z`.slice(
          0,
          length,
        );
      }),
  );

describe("parseIsoDate's fixed-shape fast path", () => {
  it("agrees with the general parser on `YYYY-MM-DDTHH:mm:ssZ`-long text (read there as `...+00:00`)", () => {
    fc.assert(
      fc.property(isoLike(20), (text) => {
        const general = text.endsWith("Z") ? `${text.slice(0, 19)}+00:00` : undefined;
        if (general === undefined) return; // the fast path hands other shapes to the general parser itself
        expect(parsed(text)).toEqual(parsed(general));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with the general parser on `YYYY-MM-DD`-long text (read there with a zero time and offset)", () => {
    fc.assert(
      fc.property(isoLike(10), (text) => {
        expect(parsed(text)).toEqual(parsed(`${text}T00:00:00+00:00`));
      }),
      { numRuns: 3000 },
    );
  });

  it("checks each field's range, leap years included", () => {
    expect(parsed("2024-02-29T23:59:59Z")).toMatchObject({ y: 2024, M: 2, d: 29, H: 23, m: 59, s: 59 });
    for (const bad of [
      "2023-02-29T00:00:00Z",
      "1900-02-29",
      "2024-00-10",
      "2024-04-31",
      "2024-01-01T24:00:00Z",
      "2024-01-01T10:60:00Z",
      "2024-01-01T10:00:60Z",
      "2O24-01-01T10:00:00Z",
      "2024-01-01T1a:00:00Z",
    ]) {
      expect(parsed(bad), bad).toBe(false);
    }
    expect(parsed("2000-02-29")).toMatchObject({ y: 2000, M: 2, d: 29 });
  });
});

describe("compiled date formats", () => {
  const tokens = [
    "yyyy",
    "yy",
    "MM",
    "M",
    "dd",
    "d",
    "HH",
    "H",
    "hh",
    "h",
    "mm",
    "m",
    "ss",
    "s",
    "fff",
    "tt",
  ];
  const reference = (token: string, f: DateFields): string => {
    const two = (n: number) => String(n).padStart(2, "0");
    const h12 = f.H % 12 || 12;
    const values: Record<string, string> = {
      yyyy: String(f.y).padStart(4, "0"),
      yy: two(f.y % 100),
      MM: two(f.M),
      M: String(f.M),
      dd: two(f.d),
      d: String(f.d),
      HH: two(f.H),
      H: String(f.H),
      hh: two(h12),
      h: String(h12),
      mm: two(f.m),
      m: String(f.m),
      ss: two(f.s),
      s: String(f.s),
      fff: String(f.ms).padStart(3, "0"),
      tt: f.H < 12 ? "AM" : "PM",
    };
    return values[token] ?? token;
  };

  it("format every token sequence, with literals between, as a plain token-by-token formatter would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...tokens), fc.constantFrom("", ".", "-", " ", ":", "/", ", ")), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.date({ min: new Date(-62135596800000), max: new Date(253402300799000), noInvalidDate: true }),
        (parts, date) => {
          // a literal letter-free separator keeps neighbouring tokens apart (`MMdd` would read as one run)
          const pattern = parts
            .map(([token, sep], i) => token + (sep || (i < parts.length - 1 ? "|" : "")))
            .join("");
          const fields = createDateFields();
          parseIsoDate(date.toISOString(), fields);
          const expected = parts
            .map(([token, sep], i) => reference(token, fields) + (sep || (i < parts.length - 1 ? "|" : "")))
            .join("");
          expect(compileDateFormat(pattern).format(fields)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
