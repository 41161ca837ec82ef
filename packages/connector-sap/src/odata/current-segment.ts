/** Where a time-dependent row keeps its validity (field names of ISO dates or instants). */
export interface ValidityFields {
  start: string;
  end: string;
}

const dayOf = (value: unknown): string | undefined =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;

/**
 * The segment of a time-dependent object valid on `today` (`YYYY-MM-DD`): validity start on or before today and
 * end on or after today. Not simply the segment ending 9999-12-31, which can be a future-dated one. When segments
 * overlap, the one starting last wins; `undefined` when none is valid today.
 *
 * @example
 * ```ts
 * currentSegment(rows, "2025-06-01", { start: "ValidityStartDate", end: "ValidityEndDate" });
 * ```
 */
export function currentSegment<Row extends Record<string, unknown>>(
  segments: ReadonlyArray<Row>,
  today: string,
  fields: ValidityFields,
): Row | undefined {
  let best: Row | undefined;
  let bestStart = "";
  for (const segment of segments) {
    const start = dayOf(segment[fields.start]) ?? "0000-01-01";
    const end = dayOf(segment[fields.end]) ?? "9999-12-31";
    if (start <= today && today <= end && (best === undefined || start > bestStart)) {
      best = segment;
      bestStart = start;
    }
  }
  return best;
}
