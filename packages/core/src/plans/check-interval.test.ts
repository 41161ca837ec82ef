import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInterval } from "./check-interval";
import { DEFAULT_PLANS, MAX_INTERVAL_MINUTES } from "./plan";

const errorOf = (minutes: number, plan: string) => {
  const result = checkInterval(minutes, plan);
  return result.ok ? undefined : result.error;
};

describe("plan interval rules", () => {
  it("pins the seed's minimums and the 2-week maximum", () => {
    expect(errorOf(24 * 60, "free")).toBeUndefined();
    expect(errorOf(24 * 60 - 1, "free")?.message).toMatch(/Free plan's minimum of 1 d/);
    expect(errorOf(239, "starter")?.message).toMatch(/minimum of 4 h/);
    expect(errorOf(59, "professional")).toMatchObject({ code: "INTERVAL_BELOW_PLAN_MINIMUM" });
    expect(errorOf(30, "enterprise")).toBeUndefined();
    expect(errorOf(MAX_INTERVAL_MINUTES + 1, "enterprise")).toMatchObject({ code: "INTERVAL_ABOVE_MAXIMUM" });
    expect(() => checkInterval(60, "gold")).toThrow(expect.objectContaining({ code: "PLAN_UNKNOWN" }));
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
