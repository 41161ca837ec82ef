import { AssertionError } from "node:assert";
import { describe, expect, it } from "vitest";
import { assertExpect } from "./assert-expect";

const fails = (f: () => unknown) => expect(f).toThrow(AssertionError);

describe("assertExpect", () => {
  it("passes and fails like vitest's expect on the matchers the suites use", () => {
    assertExpect({ a: 1, b: undefined, d: new Date(5) }).toEqual({ a: 1, d: new Date(5) });
    fails(() => assertExpect({ a: 1, extra: 2 }).toEqual({ a: 1 }));
    fails(() => assertExpect([1, 2]).toEqual([1, 2, 3]));
    fails(() => assertExpect({ d: new Date(5) }).toEqual({ d: new Date(6) }));
    assertExpect({ code: "X", deep: { a: 1, b: 2 } }).toMatchObject({ deep: { a: 1 } });
    fails(() => assertExpect({ deep: { a: 1 } }).toMatchObject({ deep: { a: 2 } }));
    fails(() => assertExpect([{ a: 1 }]).toMatchObject([{ a: 1 }, { a: 2 }]));
    assertExpect(null).toBeNull();
    assertExpect(1).not.toBeNull();
    fails(() => assertExpect(1).not.toBe(1));
    fails(() => assertExpect({}).toBe({}));
    assertExpect(3).toBeGreaterThan(2);
    fails(() => assertExpect(2).toBeGreaterThan(2));
    fails(() => assertExpect(2).toBeLessThan(2));
    assertExpect([1, "x"]).toContain("x");
    assertExpect("abc").toContain("b");
    fails(() => assertExpect([1]).toContain(2));
    assertExpect("abc").toHaveLength(3);
    fails(() => assertExpect([1]).toHaveLength(2));
    assertExpect("sync:1").toMatch(/^sync:/);
    fails(() => assertExpect("x").toMatch(/y/));
    assertExpect(new TypeError("t")).toBeInstanceOf(Error);
    fails(() => assertExpect({}).toBeInstanceOf(Error));
    fails(() => assertExpect(undefined).toBeDefined());
    fails(() => assertExpect(new Set([1, 2])).toEqual([1, 3]));
  });

  it("matches what a promise rejects with or resolves to, and fails when it settles the other way", async () => {
    const error = Object.assign(new Error("lost"), { code: "SYNC_LOCK_LOST" });
    await assertExpect(Promise.reject(error)).rejects.toMatchObject({ code: "SYNC_LOCK_LOST" });
    await assertExpect(Promise.resolve(undefined)).resolves.toBeUndefined();
    await expect(assertExpect(Promise.resolve(1)).rejects.toMatchObject({})).rejects.toThrow(AssertionError);
    await expect(
      assertExpect(Promise.reject(error)).rejects.toMatchObject({ code: "OTHER" }),
    ).rejects.toThrow(AssertionError);
    await expect(assertExpect(Promise.reject(error)).resolves.toBeUndefined()).rejects.toBe(error);
  });
});
