import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spreadOf } from "./median";

describe("spreadOf", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(spreadOf([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
  });

  it("keeps the median between min and max, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1 }), (values) => {
        const { median, min, max } = spreadOf(values);
        expect(min).toBeLessThanOrEqual(median);
        expect(median).toBeLessThanOrEqual(max);
        expect(spreadOf([...values].reverse())).toEqual({ median, min, max });
      }),
    );
  });

  it("is NaN for no values, never a made-up figure", () => {
    expect(Number.isNaN(spreadOf([]).median)).toBe(true);
  });
});
