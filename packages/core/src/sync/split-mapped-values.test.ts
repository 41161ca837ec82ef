import { describe, expect, it } from "vitest";
import { jsonFieldsOf } from "./split-mapped-values";

describe("jsonFieldsOf", () => {
  it("stores every value as JSON would: scalars as they are, non-finite numbers as null, dates as ISO strings", () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    const nested = { a: 1, gone: undefined, list: [1, undefined, "x"], when: at };
    const { fields } = jsonFieldsOf(
      {
        values: {
          name: "Ünïcode \ud83d\ude00",
          on: false,
          count: 3.5,
          nan: Number.NaN,
          inf: Number.POSITIVE_INFINITY,
          none: null,
          skipped: undefined,
          at,
          nested,
        },
        skip: [],
        errors: [],
      },
      "id-1",
      "device",
    );
    expect(fields).toEqual({
      name: "Ünïcode \ud83d\ude00",
      on: false,
      count: 3.5,
      nan: null,
      inf: null,
      none: null,
      at: "2026-01-02T03:04:05.678Z",
      nested: { a: 1, list: [1, null, "x"], when: "2026-01-02T03:04:05.678Z" },
    });
    expect(fields.nested).not.toBe(nested);
    expect("skipped" in fields).toBe(false);
  });
});
