/** A hook or test body. */
export type TestBody = () => Promise<void> | void;

/** What a conformance case asserts with: the subset of vitest's and Jest's `expect` the suites use. */
export interface ConformanceAssertion {
  toBe(expected: unknown): unknown;
  toEqual(expected: unknown): unknown;
  toMatchObject(expected: object): unknown;
  toBeNull(): unknown;
  toBeUndefined(): unknown;
  toBeDefined(): unknown;
  toBeGreaterThan(expected: number): unknown;
  toBeLessThan(expected: number): unknown;
  // biome-ignore lint/complexity/noBannedTypes: matches vitest's and Jest's toBeInstanceOf.
  toBeInstanceOf(expected: Function): unknown;
  toContain(expected: unknown): unknown;
  toHaveLength(expected: number): unknown;
  toMatch(expected: RegExp | string): unknown;
  /** The same matchers, negated. */
  readonly not: ConformanceAssertion;
  /** The matchers applied to what a promise rejects with. */
  readonly rejects: ConformancePromiseAssertion;
  /** The matchers applied to what a promise resolves to. */
  readonly resolves: ConformancePromiseAssertion;
}

/** {@link ConformanceAssertion} on a promise's outcome: every matcher returns a promise to await. */
export interface ConformancePromiseAssertion {
  toBe(expected: unknown): PromiseLike<unknown>;
  toEqual(expected: unknown): PromiseLike<unknown>;
  toMatchObject(expected: object): PromiseLike<unknown>;
  toBeUndefined(): PromiseLike<unknown>;
  toBeNull(): PromiseLike<unknown>;
  toBeDefined(): PromiseLike<unknown>;
}

/** An `expect` function: vitest's, Jest's, or {@link assertExpect} (on `node:assert`). */
export type ConformanceExpect = (actual: unknown, message?: string) => ConformanceAssertion;

/**
 * The test runner functions the suites register their cases with. vitest's and Jest's globals fit as they are;
 * `node:test`'s `describe`, `it`, `beforeEach`, `afterEach` (and `before`/`after` as `beforeAll`/`afterAll`) fit
 * too, with `expect` left out (it defaults to {@link assertExpect}).
 *
 * @example
 * ```ts
 * import { afterEach, beforeEach, describe, it } from "node:test";
 * runStorageConformance({ name: "mine", create }, { describe, it, beforeEach, afterEach });
 * ```
 */
export interface TestApi {
  describe(name: string, body: () => void): unknown;
  /** Registers a case; `timeout` in milliseconds (ignored by runners without per-test timeouts). */
  it(name: string, body: TestBody, timeout?: number): unknown;
  beforeEach(body: TestBody): unknown;
  afterEach(body: TestBody): unknown;
  /** Needed by the connector contract suite only (`node:test`: pass its `before`). */
  beforeAll?(body: TestBody, timeout?: number): unknown;
  /** Needed by the connector contract suite only (`node:test`: pass its `after`). */
  afterAll?(body: TestBody): unknown;
  /** `node:test`'s `before` (its timeout goes in an options object), used when `beforeAll` is absent. */
  before?(body: TestBody, options?: { timeout?: number }): unknown;
  /** `node:test`'s `after`, used when `afterAll` is absent. */
  after?(body: TestBody): unknown;
  /** Default: {@link assertExpect}. */
  expect?: ConformanceExpect;
}

/** A {@link TestApi} with every member the suites call. */
export interface ResolvedTestApi
  extends Required<Omit<TestApi, "beforeAll" | "afterAll" | "before" | "after">> {
  beforeAll(body: TestBody, timeout?: number): unknown;
  afterAll(body: TestBody): unknown;
}
