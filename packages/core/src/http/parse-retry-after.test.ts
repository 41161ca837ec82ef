import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./parse-retry-after";

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, capped", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("3600", now, 60_000)).toBe(60_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("is always within [0, cap] or undefined", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1e7 }), (header, cap) => {
        const ms = parseRetryAfter(header, 0, cap);
        return ms === undefined || (ms >= 0 && ms <= cap);
      }),
    );
  });
});
