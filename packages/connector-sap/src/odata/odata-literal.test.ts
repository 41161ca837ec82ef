import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatODataLiteral, ODataLiteralError } from "./odata-literal";

describe("formatODataLiteral", () => {
  it("writes v2 and v4 literals of every type", () => {
    const cases = [
      [{ type: "string", value: "O'Neil" }, "'O''Neil'", "'O''Neil'"],
      [{ type: "date", value: "2024-01-31" }, "datetime'2024-01-31T00:00:00'", "2024-01-31"],
      [
        { type: "dateTime", value: "2024-01-31T10:05" },
        "datetime'2024-01-31T10:05:00'",
        "2024-01-31T10:05:00Z",
      ],
      [
        { type: "dateTimeOffset", value: "2024-01-31T10:05:00+01:00" },
        "datetimeoffset'2024-01-31T09:05:00Z'",
        "2024-01-31T09:05:00Z",
      ],
      [{ type: "time", value: "7:03:09" }, "time'PT07H03M09S'", "07:03:09"],
      [
        { type: "guid", value: "a3fbfb3e-d418-41cc-b7f6-0007fa007fa9" },
        "guid'a3fbfb3e-d418-41cc-b7f6-0007fa007fa9'",
        "a3fbfb3e-d418-41cc-b7f6-0007fa007fa9",
      ],
      [{ type: "decimal", value: "1234.560" }, "1234.560M", "1234.560"],
      [{ type: "number", value: 42 }, "42", "42"],
      [{ type: "boolean", value: false }, "false", "false"],
    ] as const;
    for (const [literal, v2, v4] of cases) {
      expect(formatODataLiteral(literal, "v2")).toBe(v2);
      expect(formatODataLiteral(literal, "v4")).toBe(v4);
    }
  });

  it("never sends nine fractional digits (Gateway refuses them)", () => {
    expect(
      formatODataLiteral({ type: "dateTimeOffset", value: "2024-01-01T00:00:00.123456789Z" }, "v2"),
    ).toBe("datetimeoffset'2024-01-01T00:00:00.123Z'");
    expect(formatODataLiteral({ type: "dateTime", value: "2024-01-01T00:00:00.123456789" }, "v2")).toBe(
      "datetime'2024-01-01T00:00:00.123'",
    );
  });

  it("refuses malformed values instead of sending them", () => {
    expect(() => formatODataLiteral({ type: "date", value: "31.01.2024" }, "v2")).toThrow(ODataLiteralError);
    expect(() => formatODataLiteral({ type: "guid", value: "nope" }, "v4")).toThrow(ODataLiteralError);
    expect(() => formatODataLiteral({ type: "decimal", value: "1e5" }, "v2")).toThrow(ODataLiteralError);
    expect(() => formatODataLiteral({ type: "dateTimeOffset", value: "yesterday" }, "v2")).toThrow(
      ODataLiteralError,
    );
  });

  it("quotes any string so that unquoting gives it back (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("v2" as const, "v4" as const), (text, version) => {
        const literal = formatODataLiteral({ type: "string", value: text }, version);
        expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
        const inner = literal.slice(1, -1);
        expect(inner.replace(/''/g, "")).not.toContain("'");
        expect(inner.replace(/''/g, "'")).toBe(text);
      }),
    );
  });

  it("writes any instant so that it parses back to the same second (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }),
        (date) => {
          const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
          const v4 = formatODataLiteral({ type: "dateTimeOffset", value: whole.toISOString() }, "v4");
          expect(Date.parse(v4)).toBe(whole.getTime());
          expect(v4).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        },
      ),
    );
  });
});
