import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeODataRow } from "./normalize-odata-row";
import { parseODataDate, parseODataDuration } from "./parse-odata-date";

describe("parseODataDate / parseODataDuration", () => {
  it("reads /Date()/ with and without an offset, before 1970 too", () => {
    expect(parseODataDate("/Date(1700000000000)/")).toBe("2023-11-14T22:13:20.000Z");
    expect(parseODataDate("/Date(1700000000000+0000)/")).toBe("2023-11-14T22:13:20.000Z");
    expect(parseODataDate("/Date(1700000000000+0120)/")).toBe("2023-11-14T22:13:20.000Z");
    expect(parseODataDate("/Date(-126230400000)/")).toBe("1966-01-01T00:00:00.000Z");
    expect(parseODataDate("/Date(253402214400000)/")).toBe("9999-12-31T00:00:00.000Z");
    expect(parseODataDate("/Date(abc)/")).toBeUndefined();
    expect(parseODataDate("2024-01-01")).toBeUndefined();
  });

  it("reads Edm.Time durations as times of day", () => {
    expect(parseODataDuration("PT10H00M00S")).toBe("10:00:00");
    expect(parseODataDuration("PT7H3M9S")).toBe("07:03:09");
    expect(parseODataDuration("PT0S")).toBe("00:00:00");
    expect(parseODataDuration("PT1H30M15.25S")).toBe("01:30:15.25");
    expect(parseODataDuration("PT")).toBeUndefined();
    expect(parseODataDuration("PTX")).toBeUndefined();
  });

  it("round-trips any millisecond value (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_000 }),
        fc.boolean(),
        (ms, offset) => {
          const iso = parseODataDate(`/Date(${ms}${offset ? "+0000" : ""})/`);
          expect(iso && Date.parse(iso)).toBe(ms);
        },
      ),
    );
  });

  it("round-trips any time of day (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (h, m, s) => {
          const pad = (n: number) => String(n).padStart(2, "0");
          expect(parseODataDuration(`PT${pad(h)}H${pad(m)}M${pad(s)}S`)).toBe(
            `${pad(h)}:${pad(m)}:${pad(s)}`,
          );
        },
      ),
    );
  });

  it("normalizes a v2 row: envelope dropped, dates and times converted, decimals kept exact, expansions as arrays", () => {
    const row = normalizeODataRow({
      __metadata: { id: "x", uri: "x", type: "T" },
      Equipment: "10000000",
      AcquisitionValue: "12345678901234.567",
      LastChangeDateTime: "/Date(1738461854000+0000)/",
      LastChangeTime: "PT11H13M17S",
      to_Partner: { __deferred: { uri: "x" } },
      to_BusinessPartnerRole: { results: [{ __metadata: { id: "r" }, BusinessPartnerRole: "BUP003" }] },
    });
    expect(row).toEqual({
      Equipment: "10000000",
      AcquisitionValue: "12345678901234.567",
      LastChangeDateTime: "2025-02-02T02:04:14.000Z",
      LastChangeTime: "11:13:17",
      to_BusinessPartnerRole: [{ BusinessPartnerRole: "BUP003" }],
    });
  });
});

describe("parseODataDate against Date's toISOString", () => {
  it("writes every instant in Date's range as toISOString does", () => {
    const ms = fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.integer({ min: -62_167_219_200_000 - 86_400_000, max: 253_402_300_799_999 + 86_400_000 }),
      fc.constantFrom(
        0,
        -1,
        -62_167_219_200_000,
        -62_167_219_200_001,
        253_402_300_799_999,
        253_402_300_800_000,
        951_782_400_000, // 2000-02-29
        -2_203_891_200_000, // 1900-03-01
        8.64e15,
        -8.64e15,
      ),
    );
    fc.assert(
      fc.property(ms, fc.constantFrom("", "+0000", "-0130"), (value, offset) => {
        expect(parseODataDate(`/Date(${value}${offset})/`)).toBe(new Date(value).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });
});
