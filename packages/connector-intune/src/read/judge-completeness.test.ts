import { describe, expect, it } from "vitest";
import { judgeCompleteness } from "./judge-completeness";

describe("judgeCompleteness", () => {
  const history = { listed: 1000 };
  it("calls a listing short of its announced count incomplete", () => {
    expect(judgeCompleteness({ listed: 949, count: 1000, history, maxDropShare: 0.1 })).toMatchObject({
      complete: false,
      reason: expect.stringContaining("949 of the 1000"),
    });
  });
  it("calls a sharp drop against the last sweep incomplete, with or without a count", () => {
    expect(judgeCompleteness({ listed: 800, count: undefined, history, maxDropShare: 0.1 }).complete).toBe(
      false,
    );
    expect(judgeCompleteness({ listed: 800, count: 800, history, maxDropShare: 0.1 }).complete).toBe(false);
    expect(judgeCompleteness({ listed: 950, count: undefined, history, maxDropShare: 0.1 }).complete).toBe(
      true,
    );
  });
  it("accepts a drop two sweeps in a row agree on, and anything on a first sweep", () => {
    expect(
      judgeCompleteness({
        listed: 801,
        count: undefined,
        history: { listed: 1000, suspect: 800 },
        maxDropShare: 0.1,
      }),
    ).toEqual({ complete: true });
    expect(
      judgeCompleteness({
        listed: 500,
        count: undefined,
        history: { listed: 1000, suspect: 800 },
        maxDropShare: 0.1,
      }).complete,
    ).toBe(false);
    expect(judgeCompleteness({ listed: 3, count: undefined, history: undefined, maxDropShare: 0.1 })).toEqual(
      {
        complete: true,
      },
    );
  });
});
