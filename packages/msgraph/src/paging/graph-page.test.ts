import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { asGraphPageBody } from "./graph-page";

/** The zod schema pages were checked with before: the reference `asGraphPageBody` must agree with. */
const previousSchema = z.looseObject({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().optional(),
  "@odata.deltaLink": z.string().optional(),
  "@odata.count": z.number().int().nonnegative().optional(),
});

const member = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 53, 2 ** 53 - 1, -0, 0.5, -1),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
);
const body = fc.oneof(
  fc.record(
    {
      value: fc.oneof({ weight: 4, arbitrary: fc.array(fc.jsonValue(), { maxLength: 3 }) }, member),
      "@odata.nextLink": fc.oneof({ weight: 3, arbitrary: fc.webUrl() }, member),
      "@odata.deltaLink": fc.oneof({ weight: 3, arbitrary: fc.webUrl() }, member),
      "@odata.count": fc.oneof(
        {
          weight: 3,
          arbitrary: fc.oneof(fc.nat(), fc.constantFrom(2 ** 53, 2 ** 53 - 1, 2 ** 60, -0, 0.5, -1)),
        },
        member,
      ),
      "@odata.context": member,
    },
    { requiredKeys: [] },
  ),
  member,
);

describe("asGraphPageBody", () => {
  it("accepts exactly the bodies the zod page schema accepted, and reads the same members", () => {
    fc.assert(
      fc.property(body, (data) => {
        const before = previousSchema.safeParse(data);
        const now = asGraphPageBody(data);
        expect(now !== undefined).toBe(before.success);
        if (now && before.success) {
          expect(now.value).toEqual(before.data.value);
          expect(now["@odata.nextLink"]).toBe(before.data["@odata.nextLink"]);
          expect(now["@odata.deltaLink"]).toBe(before.data["@odata.deltaLink"]);
          expect(now["@odata.count"]).toBe(before.data["@odata.count"]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
