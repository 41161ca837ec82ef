import { CoreError } from "../../errors/core-error";
import { assertExpect } from "./assert-expect";
import type { ResolvedTestApi, TestApi, TestBody } from "./test-api";

const isTestApi = (value: unknown): value is TestApi =>
  typeof value === "object" &&
  value !== null &&
  ["describe", "it", "beforeEach", "afterEach"].every((k) => typeof Reflect.get(value, k) === "function");

/**
 * The test runner a suite registers with: the one given, else vitest's (found through the handle vitest puts on
 * `globalThis` in its workers, so this module never imports vitest), else the runner's globals (Jest, vitest with
 * `globals: true`). Without any, `CONFIG_INVALID`: pass `{ describe, it, beforeEach, afterEach }`.
 */
export function resolveTestApi(given: TestApi | undefined): ResolvedTestApi {
  const vitest: unknown = Reflect.get(globalThis, "__vitest_index__");
  const globals: unknown = globalThis;
  const api = given ?? (isTestApi(vitest) ? vitest : isTestApi(globals) ? globals : undefined);
  if (!api) {
    throw new CoreError(
      "CONFIG_INVALID",
      "No test runner found: pass { describe, it, beforeEach, afterEach } (and expect) from your runner, e.g. node:test.",
      { path: ["runner"] },
    );
  }
  const fn = (name: string): ((body: TestBody, option?: number | object) => unknown) | undefined => {
    const value: unknown = Reflect.get(api, name);
    return typeof value === "function"
      ? (value.bind(api) as (body: TestBody, option?: number | object) => unknown)
      : undefined;
  };
  // node:test's `before(fn, { timeout })` takes its timeout in an options object.
  const nodeHook = (hook: ((body: TestBody, options?: object) => unknown) | undefined) =>
    hook && ((body: TestBody, timeout?: number) => hook(body, timeout === undefined ? {} : { timeout }));
  const missing = (hook: string) => (_body: TestBody) => {
    throw new CoreError("CONFIG_INVALID", `The test runner has no ${hook}.`, { path: ["runner", hook] });
  };
  return {
    describe: api.describe.bind(api),
    it: api.it.bind(api),
    beforeEach: api.beforeEach.bind(api),
    afterEach: api.afterEach.bind(api),
    beforeAll: fn("beforeAll") ?? nodeHook(fn("before")) ?? missing("beforeAll"),
    afterAll: fn("afterAll") ?? fn("after") ?? missing("afterAll"),
    expect: api.expect ?? assertExpect,
  };
}
