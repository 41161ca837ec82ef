import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../connector/json";
import { copyJson } from "./copy-records";

/** The key-by-key copy copyJson used to be: the reference the faster copy must agree with. */
function referenceCopy<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => referenceCopy(item)) as T;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) out[key] = referenceCopy((value as JsonObject)[key] as JsonValue);
  return out as T;
}

/** Structure, key order, prototypes and own keys, compared exactly. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return ["array", value.length, ...value.map(shape)];
  return [
    "object",
    Object.getPrototypeOf(value) === Object.prototype ? "plain" : shape(Object.getPrototypeOf(value)),
    Reflect.ownKeys(value).map((key) => [key, shape((value as Record<string | symbol, unknown>)[key])]),
  ];
}

const keys = fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "0", "1", "toString", "a"));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(keys, tie("value"), { maxKeys: 5 }),
    // Objects with an own "__proto__" key, as JSON.parse builds them.
    fc.jsonValue().map((v) => JSON.parse(`{"__proto__":${JSON.stringify(v)},"x":1}`) as JsonValue),
  ),
})).value as fc.Arbitrary<JsonValue>;

describe("copyJson", () => {
  it("copies exactly what the key-by-key copy did, sharing no object with its input", () => {
    fc.assert(
      fc.property(json, (value) => {
        const copy = copyJson(value);
        expect(shape(copy)).toEqual(shape(referenceCopy(value)));
        if (value !== null && typeof value === "object") expect(copy).not.toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it("shares no nested object or array with its input", () => {
    const value: JsonValue = { a: { b: [1, { c: "d" }] }, e: [[]] };
    const copy = copyJson(value) as { a: { b: [number, object] }; e: [unknown[]] };
    const original = value as typeof copy;
    expect(copy).toEqual(value);
    expect(copy.a).not.toBe(original.a);
    expect(copy.a.b).not.toBe(original.a.b);
    expect(copy.a.b[1]).not.toBe(original.a.b[1]);
    expect(copy.e[0]).not.toBe(original.e[0]);
  });
});
