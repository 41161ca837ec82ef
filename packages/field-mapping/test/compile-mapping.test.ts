import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  compileMapping,
  createFunctionRegistry,
  type Expression,
  type MapManyResult,
  MappingError,
  type MappingSet,
} from "@uslimato/field-mapping";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const compileBoth = (set: MappingSet, functions = createFunctionRegistry()) =>
  (["always", "never"] as const).map((codegen) =>
    compileMapping(set, { codegen, functions, clock: () => new Date(0) }),
  );

describe("compileMapping", () => {
  it("honours flows, defaults, ignoreIfEmpty and IgnoreFlowIfNullOrEmpty", () => {
    const set: MappingSet = {
      version: 3,
      rules: [
        { target: "role", default: "viewer", flow: "createOnly" },
        { target: "title", source: "[jobTitle]", ignoreIfEmpty: true },
        { target: "phone", source: "IgnoreFlowIfNullOrEmpty([mobilePhone])" },
        { target: "dept", source: "[department]", default: "none" },
      ],
    };
    for (const mapping of compileBoth(set)) {
      expect(mapping.map({ jobTitle: "", mobilePhone: null }, { mode: "create" })).toEqual({
        values: { role: "viewer", dept: "none" },
        skipped: ["title", "phone"],
        errors: [],
      });
      expect(mapping.map({ jobTitle: "Dev", mobilePhone: "+49" }, { mode: "update" })).toEqual({
        values: { title: "Dev", phone: "+49", dept: "none" },
        skipped: ["role"],
        errors: [],
      });
    }
  });

  it("skips targets whose attributes are all absent from a partial (delta) record", () => {
    const set: MappingSet = {
      version: 1,
      rules: [
        { target: "country", source: 'Switch([country], "Other", "DE", "Germany")' },
        { target: "name", source: "[displayName]" },
        { target: "source", default: "entra" },
      ],
    };
    for (const mapping of compileBoth(set)) {
      const result = mapping.map({ displayName: "Ada" }, { mode: "update", partial: true });
      expect(result.values).toEqual({ name: "Ada", source: "entra" });
      expect(result.skipped).toEqual(["country"]);
    }
  });

  it("returns per-record errors beside the results and never aborts the page", () => {
    const set: MappingSet = {
      version: 1,
      rules: [
        { target: "name", source: "ToUpper([name])" },
        { target: "secret", source: "Left([pin], [n])", redact: true },
        { target: "hidden", source: "Redact(CStr([pin]))" },
      ],
    };
    const outputs = compileBoth(set).map((m) =>
      m.mapMany(
        [
          { name: "a", pin: "1234", n: 2 },
          "nope",
          { name: { x: 1 }, pin: "9876", n: -1 },
          null,
          { pin: ["1"] },
        ],
        {
          mode: "create",
        },
      ),
    );
    const [generated, closures] = outputs as [MapManyResult, MapManyResult];
    expect(generated).toEqual(closures);
    expect(generated.values).toEqual([
      { name: "A", secret: "12", hidden: "1234" },
      null,
      { hidden: "9876" },
      null,
      { name: null },
    ]);
    expect(generated.errors.map((e) => [e.index, e.target, e.code, e.inputKind, e.function])).toEqual([
      [1, "$record", "MAPPING_INVALID_INPUT", "string", undefined],
      [2, "name", "MAPPING_TYPE_ERROR", "object", "ToUpper"],
      [2, "secret", "MAPPING_FUNCTION_ERROR", "number", "Left"],
      [3, "$record", "MAPPING_INVALID_INPUT", "null", undefined],
      [4, "secret", "MAPPING_TYPE_ERROR", "array", "Left"],
      [4, "hidden", "MAPPING_TYPE_ERROR", "array", "CStr"],
    ]);
    expect(JSON.stringify(generated.errors)).not.toMatch(/9876|1234/);
    const mapping = compileBoth(set)[0]!;
    expect([...mapping.redactedTargets]).toEqual(["secret", "hidden"]);
    expect(mapping.map(42, { mode: "create" }).errors[0]?.code).toBe("MAPPING_INVALID_INPUT");
    for (const mode of ["toString", "constructor", "delete", undefined]) {
      const options = { mode } as unknown as { mode: "create" };
      expect(() => mapping.map({}, options)).toThrow(
        expect.objectContaining({ code: "MAPPING_INVALID_INPUT" }),
      );
      expect(() => mapping.mapMany([{}], options)).toThrow(
        expect.objectContaining({ code: "MAPPING_INVALID_INPUT" }),
      );
    }
    expect(() => mapping.mapMany("nope" as unknown as unknown[], { mode: "create" })).toThrow(
      expect.objectContaining({ code: "MAPPING_INVALID_INPUT" }),
    );
  });

  it("collects compile issues with paths and typed codes", () => {
    const set = {
      version: 1,
      rules: [
        { target: "a", source: "Nope([x])" },
        { target: "b", source: 'Left("x")' },
        { target: "c", source: 'Replace([x], "(", "")' },
        { target: "d", source: 'FormatDateTime([x], "", "YYYY-MM-DD")' },
        { target: "e", source: 'MapValue([x], "missing")' },
        { target: "f", source: "ToLower(IgnoreFlowIfNullOrEmpty([x]))" },
        { target: "g", source: 'Switch([x], "d", "k")' },
        { target: "h", source: 'Replace([x], "^(\\\\w+\\\\s?)*$", "")' },
      ],
    } as MappingSet;
    try {
      compileMapping(set);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MappingError);
      const issues = (error as MappingError).issues.map((i) => [i.code, i.path.join(".")]);
      expect(issues).toEqual([
        ["MAPPING_UNKNOWN_FUNCTION", "rules.0.source"],
        ["MAPPING_ARITY", "rules.1.source"],
        ["MAPPING_BAD_REGEX", "rules.2.source"],
        ["MAPPING_BAD_DATE_FORMAT", "rules.3.source"],
        ["MAPPING_INVALID_CONFIG", "rules.4.source"],
        ["MAPPING_INVALID_CONFIG", "rules.5.source.args.0"],
        ["MAPPING_ARITY", "rules.6.source"],
        ["MAPPING_BAD_REGEX", "rules.7.source"],
      ]);
    }
  });

  it("lets plugin authors register functions, wrapping their failures", () => {
    const functions = createFunctionRegistry().register("Initials", {
      arity: [1, 1],
      doc: "First letters of each word.",
      fn: (value) => {
        if (typeof value !== "string") throw new Error(`not a string: ${String(value)}`);
        return value
          .split(" ")
          .map((w) => w[0])
          .join("");
      },
    });
    expect(() => functions.register("tolower", { arity: [1, 1], doc: "x", fn: () => 1 })).toThrow(
      MappingError,
    );
    const set: MappingSet = {
      version: 1,
      rules: [{ target: "i", source: "initials([name])", redact: true }],
    };
    for (const mapping of compileBoth(set, functions)) {
      expect(mapping.map({ name: "Ada King Lovelace" }, { mode: "create" }).values).toEqual({ i: "AKL" });
      const failed = mapping.map({ name: 1234 }, { mode: "create" });
      expect(failed.errors).toEqual([
        {
          target: "i",
          function: "Initials",
          inputKind: "number",
          code: "MAPPING_FUNCTION_ERROR",
          message: expect.any(String),
        },
      ]);
      expect(failed.errors[0]?.message).not.toContain("1234");
    }
  });

  it("emits user text only as JSON literals in generated code", () => {
    const evil = '"];globalThis.pwned=1;//';
    const set: MappingSet = {
      version: 1,
      rules: [
        { target: evil, source: { type: "attribute", path: [evil, "x"] } },
        { target: "b", source: { type: "constant", value: `${evil}\u2028\u2029` } },
        { target: "c", source: "[a]", default: { nested: evil } },
      ],
    };
    for (const mapping of compileBoth(set)) {
      const out = mapping.map({ [evil]: { x: 1 } }, { mode: "create" });
      expect(out.values).toEqual({ [evil]: 1, b: `${evil}\u2028\u2029`, c: { nested: evil } });
    }
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it("falls back to closures where code generation is forbidden", () => {
    const probe = fileURLToPath(new URL("./fixtures/no-codegen-probe.ts", import.meta.url));
    const output = execFileSync(
      process.execPath,
      ["--disallow-code-generation-from-strings", "--conditions=@uslimato/source", "--import", "tsx", probe],
      { encoding: "utf8" },
    );
    expect(JSON.parse(output)).toEqual({
      canGenerateCode: false,
      engine: "closures",
      values: { email: "a@b.com" },
      always: "MAPPING_INVALID_CONFIG",
    });
  });
});

const names = [
  "ToLower",
  "Trim",
  "Coalesce",
  "IIF",
  "And",
  "Or",
  "Not",
  "Join",
  "Switch",
  "Left",
  "CStr",
  "IsNull",
  "Equals",
  "Append",
  "Count",
  "Item",
  "CBool",
  "NormalizeDiacritics",
  "Word",
  "Mid",
  "InStr",
];
const leaf: fc.Arbitrary<Expression> = fc.oneof(
  fc.record({
    type: fc.constant("attribute" as const),
    path: fc.constantFrom<string[]>(["a"], ["b"], ["n"], ["o", "a"], ["missing"], ["arr"]),
  }),
  fc.record({
    type: fc.constant("constant" as const),
    value: fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.integer({ min: -3, max: 5 }),
      fc.boolean(),
      fc.constant(null),
    ),
  }),
);
const tree: fc.Arbitrary<Expression> = fc.letrec<{ e: Expression }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.record({
      type: fc.constant("call" as const),
      name: fc.constantFrom(...names),
      args: fc.array(tie("e"), { minLength: 1, maxLength: 4 }),
    }),
  ),
})).e;
const record = fc.record({
  a: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(null), fc.integer()),
  b: fc.oneof(fc.constantFrom("true", "false", "", " x "), fc.boolean()),
  n: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constant(undefined)),
  o: fc.oneof(fc.record({ a: fc.string({ maxLength: 3 }) }), fc.constant("str"), fc.constant(null)),
  arr: fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 }),
});

describe("codegen and closures", () => {
  it("agree on values, skips and errors for random expressions and records", () => {
    fc.assert(
      fc.property(
        tree,
        fc.array(record, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (source, records, ignoreIfEmpty) => {
          const set: MappingSet = {
            version: 1,
            rules: [
              { target: "x", source, ignoreIfEmpty },
              { target: "y", source: "[a]" },
            ],
          };
          let compiled: ReturnType<typeof compileBoth>;
          try {
            compiled = compileBoth(set);
          } catch (error) {
            expect(error).toBeInstanceOf(MappingError);
            return;
          }
          const [generated, closures] = compiled.map((m) => m.mapMany(records, { mode: "create" }));
          expect(JSON.stringify(generated)).toEqual(JSON.stringify(closures));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("compile never hangs or throws anything but MappingError on random JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (source) => {
        try {
          compileMapping({ version: 1, rules: [{ target: "x", source: source as unknown as Expression }] });
        } catch (error) {
          expect(error).toBeInstanceOf(MappingError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("compile never hangs or throws anything but MappingError on random expression text", () => {
    const alphabet = fc.constantFrom(
      ...'[]().,"\\ =<>-0123456789aZ_'.split(""),
      "ToLower(",
      "Switch(",
      "IIF(",
      "Replace(",
      "FormatDateTime(",
      "Join(",
      "[a]",
      '"(a+)+"',
      '"(a|aa)*"',
      '"yyyy"',
    );
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 80 }), (source) => {
        const started = performance.now();
        try {
          compileMapping({ version: 1, rules: [{ target: "x", source }] }).map(
            { a: "v" },
            { mode: "create" },
          );
        } catch (error) {
          expect(error).toBeInstanceOf(MappingError);
        }
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 1000 },
    );
  });

  it("compiles the largest and deepest expressions the bounds allow in bounded time, and rejects larger ones", () => {
    const deep = `${"ToLower(".repeat(64)}[a]${")".repeat(64)}`;
    const wide = `Join(",", ${Array.from({ length: 4_998 }, (_, i) => `[a${i}]`).join(", ")})`;
    for (const source of [deep, wide]) {
      const started = performance.now();
      const [generated, closures] = compileBoth({ version: 1, rules: [{ target: "x", source }] });
      expect(generated!.map({ a: "V", a0: "x" }, { mode: "create" }).values).toEqual(
        closures!.map({ a: "V", a0: "x" }, { mode: "create" }).values,
      );
      expect(performance.now() - started).toBeLessThan(5000);
    }
    for (const [source, code] of [
      [`${"ToLower(".repeat(65)}[a]${")".repeat(65)}`, "MAPPING_TOO_DEEP"],
      [`Join(",", ${Array.from({ length: 10_001 }, () => "[a]").join(", ")})`, "MAPPING_TOO_LARGE"],
    ] as const) {
      expect(() => compileMapping({ version: 1, rules: [{ target: "x", source }] })).toThrow(
        expect.objectContaining({ code }),
      );
    }
  });
});
