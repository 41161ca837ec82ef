import { describe, expect, it } from "vitest";
import { MappingError } from "../errors/mapping-error";
import { compileDateFormat } from "./compile-date-format";
import { createDateFields } from "./date-fields";
import { parseIsoDate } from "./parse-iso-date";

describe("date formats", () => {
  it("formats and parses explicit tokens", () => {
    const f = createDateFields();
    expect(compileDateFormat("yyyyMMddHHmmss.fZ").parse("20240229235958.7Z", f)).toBe(true);
    expect(f).toMatchObject({ y: 2024, M: 2, d: 29, H: 23, m: 59, s: 58, ms: 700 });
    expect(compileDateFormat("dd.MM.yy 'um' h:mm tt fff zzz").format(f)).toBe(
      "29.02.24 um 11:59 PM 700 +00:00",
    );
  });

  it("rejects impossible dates and unknown tokens", () => {
    const f = createDateFields();
    expect(compileDateFormat("yyyy-MM-dd").parse("2023-02-29", f)).toBe(false);
    expect(compileDateFormat("yyyy-MM-dd").parse("2024-13-01", f)).toBe(false);
    expect(compileDateFormat("yyyy-MM-dd").parse("2024-01-01x", f)).toBe(false);
    expect(() => compileDateFormat("YYYY-MM-DD")).toThrow(MappingError);
    expect(() => compileDateFormat("'open")).toThrow(MappingError);
  });

  it("parses ISO 8601 with offsets into UTC", () => {
    const f = createDateFields();
    expect(parseIsoDate("2024-01-01T00:30:00.123456-01:30", f)).toBe(true);
    expect(f).toMatchObject({ y: 2024, M: 1, d: 1, H: 2, m: 0, ms: 123 });
    for (const bad of [
      "2024-1-01",
      "2024-01-01T",
      "2024-01-01T10",
      "2024-01-01Z!",
      "x",
      "2024-01-01T10:00:00.",
    ]) {
      expect(parseIsoDate(bad, f), bad).toBe(false);
    }
  });
});
