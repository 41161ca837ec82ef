import { AssertionError } from "node:assert";
import { inspect } from "node:util";
import { deepEquals } from "./deep-equals";
import type { ConformanceAssertion, ConformanceExpect, ConformancePromiseAssertion } from "./test-api";

const show = (value: unknown) => inspect(value, { depth: 6, breakLength: 120 });

function assertion(actual: unknown, message: string | undefined, negated: boolean): ConformanceAssertion {
  const check = (pass: boolean, what: string, expected?: unknown) => {
    if (pass !== negated) return;
    throw new AssertionError({
      message: `${message ? `${message}: ` : ""}expected ${show(actual)} ${negated ? "not " : ""}${what}`,
      actual,
      expected,
    });
  };
  const settled = (mode: "rejects" | "resolves"): ConformancePromiseAssertion => {
    const outcome = async (): Promise<ConformanceAssertion> => {
      try {
        const value = await actual;
        if (mode === "rejects")
          throw new AssertionError({ message: `expected a rejection, got ${show(value)}` });
        return assertion(value, message, negated);
      } catch (error) {
        if (mode === "resolves" || error instanceof AssertionError) throw error;
        return assertion(error, message, negated);
      }
    };
    return {
      toBe: async (expected) => (await outcome()).toBe(expected),
      toEqual: async (expected) => (await outcome()).toEqual(expected),
      toMatchObject: async (expected) => (await outcome()).toMatchObject(expected),
      toBeUndefined: async () => (await outcome()).toBeUndefined(),
      toBeNull: async () => (await outcome()).toBeNull(),
      toBeDefined: async () => (await outcome()).toBeDefined(),
    };
  };
  return {
    toBe: (expected) => check(Object.is(actual, expected), `to be ${show(expected)}`, expected),
    toEqual: (expected) => check(deepEquals(actual, expected), `to equal ${show(expected)}`, expected),
    toMatchObject: (expected) =>
      check(deepEquals(actual, expected, true), `to match ${show(expected)}`, expected),
    toBeNull: () => check(actual === null, "to be null"),
    toBeUndefined: () => check(actual === undefined, "to be undefined"),
    toBeDefined: () => check(actual !== undefined, "to be defined"),
    toBeGreaterThan: (expected) => check(Number(actual) > expected, `to be greater than ${expected}`),
    toBeLessThan: (expected) => check(Number(actual) < expected, `to be less than ${expected}`),
    toBeInstanceOf: (expected) => check(actual instanceof expected, `to be an instance of ${expected.name}`),
    toContain: (expected) =>
      check(
        typeof actual === "string"
          ? actual.includes(String(expected))
          : Array.isArray(actual) && actual.includes(expected),
        `to contain ${show(expected)}`,
      ),
    toHaveLength: (expected) => check(lengthOf(actual) === expected, `to have length ${expected}`),
    toMatch: (expected) =>
      check(
        typeof actual === "string" &&
          (typeof expected === "string" ? actual.includes(expected) : expected.test(actual)),
        `to match ${String(expected)}`,
      ),
    get not() {
      return assertion(actual, message, !negated);
    },
    get rejects() {
      return settled("rejects");
    },
    get resolves() {
      return settled("resolves");
    },
  };
}

const lengthOf = (value: unknown): unknown =>
  typeof value === "string"
    ? value.length
    : typeof value === "object" && value !== null
      ? Reflect.get(value, "length")
      : undefined;

/**
 * A small `expect` on `node:assert`, with the matchers the conformance suites use, for runners that have none
 * (`node:test`). Failures throw `AssertionError`s.
 *
 * @example
 * ```ts
 * assertExpect([1, 2]).toHaveLength(2);
 * await assertExpect(Promise.reject(new Error("no"))).rejects.toMatchObject({ message: "no" });
 * ```
 */
export const assertExpect: ConformanceExpect = (actual, message) => assertion(actual, message, false);
