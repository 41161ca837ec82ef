import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelay } from "./retry-policy";

describe("retryDelay", () => {
  it("honours Retry-After with at most 10% jitter, capped by maxDelayMs", () => {
    expect(retryDelay(0, 3000, { random: () => 0 })).toBe(3000);
    expect(retryDelay(0, 3000, { random: () => 0.999 })).toBe(3300);
    expect(retryDelay(5, 0, { random: () => 0.5 })).toBe(0);
    expect(retryDelay(0, 3_600_000)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
    expect(retryDelay(0, 5000, { maxDelayMs: 50 })).toBe(50);
  });

  it("backs off exponentially with equal jitter when no Retry-After was given", () => {
    expect(retryDelay(0, undefined, { random: () => 0 })).toBe(250);
    expect(retryDelay(0, undefined, { random: () => 0.999 })).toBe(500);
    expect(retryDelay(3, undefined, { random: () => 1 })).toBe(4000);
    expect(retryDelay(3, undefined, { random: () => 0 })).toBe(2000);
    expect(retryDelay(30, undefined, { random: () => 0 })).toBe(30_000);
  });

  it("is always within [0, maxDelayMs]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: -1000, max: 1e9 }), { nil: undefined }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (attempt, retryAfter, max, r) => {
          const ms = retryDelay(attempt, retryAfter, { maxDelayMs: max, random: () => r });
          return ms >= 0 && ms <= max;
        },
      ),
    );
  });

  it("retries 429, 502, 503 and 504 only", () => {
    expect([400, 401, 403, 404, 409, 429, 500, 502, 503, 504].filter(isRetryableStatus)).toEqual([
      429, 502, 503, 504,
    ]);
  });
});
