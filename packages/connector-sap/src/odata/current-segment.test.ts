import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentSegment } from "./current-segment";

const fields = { start: "ValidityStartDate", end: "ValidityEndDate" };

describe("currentSegment", () => {
  it("picks the segment valid today, not the one ending 9999-12-31", () => {
    const segments = [
      {
        id: "past",
        ValidityStartDate: "2020-01-01T00:00:00.000Z",
        ValidityEndDate: "2023-12-31T00:00:00.000Z",
      },
      {
        id: "now",
        ValidityStartDate: "2024-01-01T00:00:00.000Z",
        ValidityEndDate: "2025-06-30T00:00:00.000Z",
      },
      {
        id: "future",
        ValidityStartDate: "2025-07-01T00:00:00.000Z",
        ValidityEndDate: "9999-12-31T00:00:00.000Z",
      },
    ];
    expect(currentSegment(segments, "2025-01-15", fields)?.id).toBe("now");
    expect(currentSegment(segments, "2025-06-30", fields)?.id).toBe("now");
    expect(currentSegment(segments, "2025-07-01", fields)?.id).toBe("future");
    expect(currentSegment(segments, "2019-12-31", fields)).toBeUndefined();
    expect(
      currentSegment(
        [{ ValidityStartDate: "2024-01-01", ValidityEndDate: "9999-12-31" }],
        "2024-01-01",
        fields,
      ),
    ).toBeDefined();
  });

  it("returns a segment covering today whenever one exists (property)", () => {
    const day = fc
      .integer({ min: 0, max: 20_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, day), { maxLength: 6 }), day, (ranges, today) => {
        const segments = ranges.map((range) => {
          const [start, end] = [...range].sort();
          return { ValidityStartDate: start!, ValidityEndDate: end! };
        });
        const found = currentSegment(segments, today, fields);
        const covering = segments.filter((s) => s.ValidityStartDate <= today && today <= s.ValidityEndDate);
        if (covering.length === 0) expect(found).toBeUndefined();
        else {
          expect(covering).toContain(found);
          expect(found?.ValidityStartDate).toBe(
            covering
              .map((s) => s.ValidityStartDate)
              .sort()
              .at(-1),
          );
        }
      }),
    );
  });
});
