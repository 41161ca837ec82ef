import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeODataRow } from "./normalize-odata-row";
import { parseODataDate, parseODataDuration } from "./parse-odata-date";

/** normalizeODataRow as it was (a key-by-key copy): the reference the one-step copy must agree with. */
function referenceValue(value: unknown): unknown {
  if (typeof value === "string") {
    if (value.startsWith("/Date(")) return parseODataDate(value) ?? value;
    if (value.startsWith("PT") || /^P\d+DT/.test(value)) return parseODataDuration(value) ?? value;
    return value;
  }
  if (Array.isArray(value)) return value.map(referenceValue);
  if (value !== null && typeof value === "object") {
    const object = value as Record<string, unknown>;
    if ("__deferred" in object) return undefined;
    if (Array.isArray(object.results)) return object.results.map(referenceValue);
    return referenceRow(object);
  }
  return value;
}
function referenceRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name in row) {
    if (!Object.hasOwn(row, name) || name === "__metadata" || name.includes("@odata.")) continue;
    const normalized = referenceValue(row[name]);
    if (normalized !== undefined) out[name] = normalized;
  }
  return out;
}

/** Structure, key order and prototypes, compared exactly. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return ["array", ...value.map(shape)];
  const proto = Object.getPrototypeOf(value);
  return [
    proto === Object.prototype ? "plain" : shape(proto),
    Reflect.ownKeys(value).map((k) => [k, shape((value as Record<string | symbol, unknown>)[k])]),
  ];
}

describe("normalizeODataRow against the key-by-key copy", () => {
  const name = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "__metadata",
      "__proto__",
      "Equipment",
      "0",
      "7",
      "Name@odata.type",
      "@odata.etag",
      "a@b",
      "results",
    ),
  );
  const text = fc.oneof(
    fc.string(),
    fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => `/Date(${ms})/`),
    fc.constantFrom(
      "/Date(1700000000000+0100)/",
      "/Date(x)/",
      "/",
      "PT23H59M59S",
      "P1DT2H",
      "PT",
      "P",
      "Pencil",
    ),
  );
  const value = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      text,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("v"), { maxLength: 2 }),
      fc.dictionary(name, tie("v"), { maxKeys: 3 }),
      fc.constant({ __deferred: { uri: "x" } }),
      fc.array(tie("v"), { maxLength: 2 }).map((results) => ({ results })),
    ),
  })).v;
  // Rows as JSON.parse builds them (own "__proto__" keys included).
  const row = fc
    .dictionary(name, value, { maxKeys: 8 })
    .map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);

  it("gives the same row on random rows, flat or nested", () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(shape(normalizeODataRow(r))).toEqual(shape(referenceRow(r)));
      }),
      { numRuns: 5000 },
    );
  });

  it("gives the same row on flat rows of scalars, dates and durations", () => {
    const flat = fc
      .dictionary(name, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 10 })
      .map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
    fc.assert(
      fc.property(flat, (r) => {
        expect(shape(normalizeODataRow(r))).toEqual(shape(referenceRow(r)));
      }),
      { numRuns: 5000 },
    );
  });

  it("gives the same row on flat rows with deferred navigation links, trailing (as SAP writes them) or not", () => {
    const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
    const deferred = fc.constant({ __deferred: { uri: "Equipment('1')/to_Partner" } });
    const flat = fc
      .tuple(
        fc.dictionary(name, fc.oneof({ weight: 5, arbitrary: scalar }, deferred), { maxKeys: 10 }),
        fc.uniqueArray(fc.constantFrom("to_Partner", "to_LongText", "to_Warranty"), { maxLength: 3 }),
      )
      .map(([r, navigations]) => {
        const withLinks: Record<string, unknown> = { ...r };
        for (const navigation of navigations) withLinks[navigation] = { __deferred: { uri: navigation } };
        return JSON.parse(JSON.stringify(withLinks)) as Record<string, unknown>;
      });
    fc.assert(
      fc.property(flat, (r) => {
        expect(shape(normalizeODataRow(r))).toEqual(shape(referenceRow(r)));
      }),
      { numRuns: 5000 },
    );
  });
});
