import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateUser } from "../model/generate-user";
import { ByteSink } from "./byte-sink";
import { compileUserBytes } from "./compile-user-bytes";
import { USER_PROPERTIES } from "./entity-properties";

describe("compileUserBytes", () => {
  it("writes exactly what JSON.stringify writes for the generated user's selected properties", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.shuffledSubarray([...USER_PROPERTIES], { minLength: 1 }),
        (seed, index, select) => {
          const user = generateUser(seed, index, "tenant.onmicrosoft.com") as unknown as Record<
            string,
            unknown
          >;
          const expected = JSON.stringify(Object.fromEntries(select.map((p) => [p, user[p]])));
          const sink = new ByteSink(16);
          compileUserBytes(select, seed, "tenant.onmicrosoft.com")(sink, seed, index);
          expect(sink.view().toString("utf8")).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
