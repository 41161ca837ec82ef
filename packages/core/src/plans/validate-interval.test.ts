import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_PLANS, MAX_INTERVAL_MINUTES } from "./plan";
import { checkInterval, validateInterval } from "./validate-interval";

describe("plan interval rules", () => {
  it("pins the seed's minimums and the 2-week maximum", () => {
    expect(() => validateInterval(24 * 60, "free")).not.toThrow();
    expect(() => validateInterval(24 * 60 - 1, "free")).toThrow(/Free plan's minimum of 1 d/);
    expect(() => validateInterval(239, "starter")).toThrow(/minimum of 4 h/);
    expect(() => validateInterval(59, "professional")).toThrow(
      expect.objectContaining({ code: "INTERVAL_BELOW_PLAN_MINIMUM" }),
    );
    expect(() => validateInterval(30, "enterprise")).not.toThrow();
    expect(() => validateInterval(MAX_INTERVAL_MINUTES + 1, "enterprise")).toThrow(
      expect.objectContaining({ code: "INTERVAL_ABOVE_MAXIMUM" }),
    );
    expect(() => validateInterval(60, "gold")).toThrow(expect.objectContaining({ code: "PLAN_UNKNOWN" }));
  });

  it("accepts exactly the intervals between the plan minimum and 2 weeks", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(DEFAULT_PLANS)),
        fc.integer({ min: -10, max: MAX_INTERVAL_MINUTES + 100 }),
        (plan, minutes) => {
          const ok = checkInterval(minutes, plan).ok;
          return (
            ok === (minutes >= DEFAULT_PLANS[plan]!.minIntervalMinutes && minutes <= MAX_INTERVAL_MINUTES)
          );
        },
      ),
    );
  });
});
