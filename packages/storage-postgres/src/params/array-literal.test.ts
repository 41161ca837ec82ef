import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { testPool } from "../../test/support/test-database";
import { booleanArray, textArray } from "./array-literal";

const pool = testPool(1);
afterAll(() => pool.end());

// PostgreSQL text cannot hold NUL; everything else must come back as it went in.
const text = fc.string({ unit: "binary" }).filter((s) => !s.includes("\u0000"));

describe("array literals", () => {
  it("round-trips any text values and nulls through PostgreSQL, as pg's own arrays do", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text, { nil: null }), { maxLength: 20 }), async (values) => {
        const { rows } = await pool.query<{ ours: (string | null)[]; theirs: (string | null)[] }>(
          "SELECT $1::text[] AS ours, $2::text[] AS theirs",
          [textArray(values), values],
        );
        expect(rows[0]?.ours).toEqual(values);
        expect(rows[0]?.theirs).toEqual(values);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the awkward cases: empty strings, quotes, backslashes, braces, commas, the word NULL", async () => {
    const values = ["", '"', "\\", '\\"', "{a,b}", " spaced ", "NULL", "null", null, "é😀"];
    const { rows } = await pool.query<{ a: (string | null)[] }>("SELECT $1::text[] AS a", [
      textArray(values),
    ]);
    expect(rows[0]?.a).toEqual(values);
    expect(textArray([])).toBe("{}");
  });

  it("round-trips booleans and nulls", async () => {
    const values = [true, false, null, true];
    const { rows } = await pool.query<{ a: (boolean | null)[] }>("SELECT $1::boolean[] AS a", [
      booleanArray(values),
    ]);
    expect(rows[0]?.a).toEqual(values);
    expect(booleanArray([])).toBe("{}");
  });
});
