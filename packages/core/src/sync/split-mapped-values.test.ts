import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { MappedRecord } from "../mapping/mapping-engine";
import { findUnstorableText, textProblem } from "../reconcile/find-unstorable-text";
import type { SyncErrorDetail } from "../sync-log/sync-log";
import { jsonFieldsOf } from "./split-mapped-values";

describe("jsonFieldsOf", () => {
  it("stores every value as JSON would: scalars as they are, non-finite numbers as null, dates as ISO strings", () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    const nested = { a: 1, gone: undefined, list: [1, undefined, "x"], when: at };
    const { fields } = jsonFieldsOf(
      {
        values: {
          name: "Ünïcode \ud83d\ude00",
          on: false,
          count: 3.5,
          nan: Number.NaN,
          inf: Number.POSITIVE_INFINITY,
          none: null,
          skipped: undefined,
          at,
          nested,
        },
        skip: [],
        errors: [],
      },
      "id-1",
      "device",
    );
    expect(fields).toEqual({
      name: "Ünïcode \ud83d\ude00",
      on: false,
      count: 3.5,
      nan: null,
      inf: null,
      none: null,
      at: "2026-01-02T03:04:05.678Z",
      nested: { a: 1, list: [1, null, "x"], when: "2026-01-02T03:04:05.678Z" },
    });
    expect(fields.nested).not.toBe(nested);
    expect("skipped" in fields).toBe(false);
  });
});

/** jsonFieldsOf as it was (a copy, then a walk of the copy for unstorable text): the reference for the one-pass form. */
function referenceJsonFieldsOf(mapped: MappedRecord, externalId: string, kind: EntityKind) {
  const skip = mapped.skip.length > 0 || mapped.errors.length > 0 ? new Set(mapped.skip) : undefined;
  const warnings: SyncErrorDetail[] = mapped.errors.map((error) => {
    skip?.add(error.target);
    return {
      externalId,
      kind,
      field: error.target,
      code: error.code,
      message: error.message,
      severity: "warning",
    };
  });
  const fields: JsonObject = {};
  for (const [key, value] of Object.entries(mapped.values)) {
    if (value === undefined || skip?.has(key)) continue;
    fields[key] =
      typeof value === "string" || typeof value === "boolean"
        ? value
        : typeof value === "number"
          ? Number.isFinite(value)
            ? value
            : null
          : value === null
            ? null
            : value instanceof Date
              ? value.toISOString()
              : (JSON.parse(JSON.stringify(value)) as JsonObject[string]);
  }
  const idProblem = textProblem(externalId);
  const text = idProblem ? { path: "externalId", problem: idProblem } : findUnstorableText(fields, "");
  if (!text) return { fields, warnings };
  const failure: SyncErrorDetail = {
    externalId: idProblem ? JSON.stringify(externalId).slice(1, -1) : externalId,
    kind,
    field: text.path,
    code: "RECORD_INVALID",
    message: `The field "${text.path}" holds ${text.problem}, which storage cannot hold; the record was not applied`,
    severity: "error",
  };
  return { fields, warnings, failure };
}

describe("jsonFieldsOf against its reference", () => {
  // Strings with NULs and lone surrogates now and then, so failures and their paths are compared too.
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom("\u0000", "a\ud800", "\udc00b", "ok", "__proto__", "0", "x.y"),
    fc.string({ unit: "binary" }),
  );
  const leaf = fc.oneof(
    text,
    fc.boolean(),
    fc.double(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
  );
  const value = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(tie("v"), { maxLength: 3 }),
      fc.dictionary(text, tie("v"), { maxKeys: 3 }),
    ),
  })).v;
  const mapped = fc.record({
    values: fc.dictionary(text, value, { maxKeys: 6 }),
    skip: fc.array(text, { maxLength: 2 }),
    errors: fc.array(fc.record({ target: text, code: fc.constant("MAPPING_FAILED"), message: fc.string() }), {
      maxLength: 2,
    }),
  });

  it("gives the same fields, warnings and failure on random records", () => {
    fc.assert(
      fc.property(mapped, text, fc.constantFrom("device", "asset"), (record, id, kind) => {
        const input = record as unknown as MappedRecord;
        const got = jsonFieldsOf(input, id, kind as EntityKind);
        const want = referenceJsonFieldsOf(input, id, kind as EntityKind);
        expect(got).toStrictEqual(want);
        expect(Object.keys(got.fields)).toEqual(Object.keys(want.fields));
      }),
      { numRuns: 3000 },
    );
  });
});
