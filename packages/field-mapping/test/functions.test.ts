import { builtinFunctions } from "@uslimato/field-mapping";
import { describe, expect, it } from "vitest";
import { errorCode, evaluate } from "./fixtures/index";

const r = {
  s: "Hello World",
  n: 42,
  t: true,
  f: false,
  e: "",
  sp: "  a b  ",
  arr: ["b", "a", "b"],
  obj: { k: "v" },
  date: "2024-01-31T10:20:30Z",
  de: "Ünïcödé Straße Øst",
  z: 0,
  nul: null,
  evil: "(a+)+$",
  evilAlternation: "^(a|aa)*$",
  none: [],
};

const cases: Record<string, Array<[string, unknown]>> = {
  Append: [
    ['Append([s], "!")', "Hello World!"],
    ['Append([missing], "!")', null],
    ["Append([s], [missing])", "Hello World"],
    ['Append([n], "x")', "42x"],
  ],
  And: [
    ["And([t], [t])", true],
    ["And([t], [f])", false],
    ["And([t], [missing])", false],
    ['And([t], "true")', true],
  ],
  Or: [
    ["Or([f], [t])", true],
    ["Or([missing], [f])", false],
    ["Or([missing], [n])", true],
  ],
  CBool: [
    ["CBool([n])", true],
    ["CBool([z])", false],
    ['CBool("FALSE")', false],
    ["CBool([missing])", null],
  ],
  CDate: [
    ["CStr(CDate([date]))", "2024-01-31T10:20:30.000Z"],
    ["CDate([missing])", null],
    ["CStr(CDate(0))", "1970-01-01T00:00:00.000Z"],
  ],
  Coalesce: [
    ["Coalesce([missing], [e], [s])", "Hello World"],
    ["Coalesce([missing], [nul])", null],
    ["Coalesce([z], [s])", 0],
    ["Coalesce([f])", false],
  ],
  CStr: [
    ["CStr([n])", "42"],
    ["CStr([t])", "true"],
    ["CStr([missing])", null],
    ["CStr([s])", "Hello World"],
  ],
  Count: [
    ["Count([arr])", 3],
    ["Count([missing])", 0],
    ["Count([s])", 1],
  ],
  DateAdd: [
    ['CStr(DateAdd("d", 1, [date]))', "2024-02-01T10:20:30.000Z"],
    ['CStr(DateAdd("m", 1, "2024-01-15"))', "2024-02-15T00:00:00.000Z"],
    ['CStr(DateAdd("yyyy", -1, [date]))', "2023-01-31T10:20:30.000Z"],
    ['CStr(DateAdd("ww", 1, [date]))', "2024-02-07T10:20:30.000Z"],
    ['DateAdd("d", 1, [missing])', null],
    ['DateAdd("d", [missing], [date])', null],
  ],
  DateDiff: [
    ['DateDiff("d", "2024-01-01", [date])', 30],
    ['DateDiff("m", "2023-11-30", [date])', 2],
    ['DateDiff("h", [date], "2024-01-31T08:20:30Z")', -2],
    ['DateDiff("d", [missing], [date])', null],
  ],
  Equals: [
    ['[s] = "Hello World"', true],
    ['[n] = "42"', true],
    ["[missing] = [nul]", true],
    ['[missing] <> "x"', true],
  ],
  FormatDateTime: [
    ['FormatDateTime([date], "", "dd.MM.yyyy HH:mm")', "31.01.2024 10:20"],
    ['FormatDateTime("20240131102030.0Z", "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")', "2024-01-31"],
    ['FormatDateTime("1/5/2024 3:04 PM", "M/d/yyyy h:mm tt", "yyyy-MM-dd\'T\'HH:mm")', "2024-01-05T15:04"],
    ['FormatDateTime("2024-01-31T01:00:00+02:00", "", "yyyy-MM-dd HH:mm K")', "2024-01-30 23:00 Z"],
    ['FormatDateTime([date], "DateTimeStyles.None", "", "yy/M/d")', "24/1/31"],
    ['FormatDateTime([missing], "", "yyyy")', null],
    ['FormatDateTime([e], "", "yyyy")', null],
  ],
  IgnoreFlowIfNullOrEmpty: [["IgnoreFlowIfNullOrEmpty([s])", "Hello World"]],
  IIF: [
    ['IIF([t], "y", "n")', "y"],
    ['IIF([missing], "y", "n")', "n"],
    ['IIF([n] = 42, "y", "n")', "y"],
    ['IIF([t], "y", Left([s], -1))', "y"],
  ],
  InStr: [
    ['InStr([s], "World")', 7],
    ['InStr([s], "world")', 0],
    ['InStr([s], "world", 1, "vbTextCompare")', 7],
    ['InStr([s], "o", 6)', 8],
    ['InStr([missing], "o")', null],
  ],
  IsNull: [
    ["IsNull([missing])", true],
    ["IsNull([nul])", true],
    ["IsNull([e])", false],
  ],
  IsNullOrEmpty: [
    ["IsNullOrEmpty([e])", true],
    ["IsNullOrEmpty([missing])", true],
    ["IsNullOrEmpty([s])", false],
    ["IsNullOrEmpty([z])", false],
  ],
  IsPresent: [
    ["IsPresent([s])", true],
    ["IsPresent([e])", false],
    ["IsPresent([f])", true],
  ],
  Item: [
    ["Item([arr], 2)", "a"],
    ["Item([arr], 4)", null],
    ["Item([missing], 1)", null],
    ["Item([s], 1)", "Hello World"],
  ],
  Join: [
    ['Join(" ", [s], [n])', "Hello World 42"],
    ['Join("-", [missing], [e], [s])', "Hello World"],
    ['Join(", ", [arr], [s])', "b, a, b, Hello World"],
    ['Join(" ", [missing], [nul])', null],
    ["Join([missing], [s], [s])", "Hello WorldHello World"],
    ['Join(" ", [s], [s], [s], [s])', "Hello World Hello World Hello World Hello World"],
  ],
  Left: [
    ["Left([s], 5)", "Hello"],
    ["Left([s], 50)", "Hello World"],
    ["Left([missing], 5)", null],
  ],
  MapValue: [
    ['MapValue("DE", "countries")', "Germany"],
    ['MapValue([s], "countries", "?")', "?"],
    ['MapValue([missing], "countries")', null],
  ],
  Mid: [
    ["Mid([s], 7, 3)", "Wor"],
    ["Mid([s], 11, 5)", "d"],
    ["Mid([missing], 1, 1)", null],
  ],
  NormalizeDiacritics: [
    ["NormalizeDiacritics([de])", "Unicode Strasse Ost"],
    ["NormalizeDiacritics([missing])", null],
  ],
  Not: [
    ["Not([t])", false],
    ["Not([missing])", true],
    ["Not([z])", true],
  ],
  Now: [["CStr(Now())", "2024-02-29T12:00:00.000Z"]],
  NotEquals: [
    ['NotEquals([s], "x")', true],
    ["NotEquals([nul], [missing])", false],
  ],
  PCase: [
    ['PCase("hELLO wORLD")', "Hello World"],
    ['PCase("the NASA way", "NASA")', "The NASA Way"],
    ["PCase([missing])", null],
  ],
  Redact: [["Redact([s])", "Hello World"]],
  RemoveDuplicates: [
    ['Join(",", RemoveDuplicates([arr]))', "b,a"],
    ["RemoveDuplicates([missing])", null],
    ["RemoveDuplicates([s])", "Hello World"],
  ],
  Replace: [
    ['Replace([s], "o", "0")', "Hell0 W0rld"],
    ['Replace([s], "(\\\\w+) (\\\\w+)", "$2")', "$2"],
    ['Replace([s], "l+", [missing])', "Heo Word"],
    ['Replace([missing], "o", "0")', null],
    ['Replace([s], "World", null, null, "There", null, null)', "Hello There"],
    ['Replace("a1b22", null, "(?<d>\\\\d+)", "d", "#", null, null)', "a#b#"],
  ],
  Split: [
    ['Count(Split("a,b,c", ","))', 3],
    ['Split([missing], ",")', null],
    ['Item(Split([s], " "), 2)', "World"],
  ],
  StripSpaces: [
    ["StripSpaces([sp])", "ab"],
    ["StripSpaces([missing])", null],
  ],
  Switch: [
    ['Switch([s], "other", "Hello World", "hit")', "hit"],
    ['Switch([missing], "other", "x", "y")', "other"],
    ['Switch([n], "other", "42", "num")', "num"],
    ['Switch([s], [n], "x", "y")', 42],
    ['Switch([s], "d", [s], "dynamic")', "dynamic"],
  ],
  ToLower: [
    ["ToLower([s])", "hello world"],
    ["ToLower([missing])", null],
    ["ToLower([n])", "42"],
    ['ToLower([s], "de-DE")', "hello world"],
  ],
  ToUpper: [
    ["ToUpper([s])", "HELLO WORLD"],
    ["ToUpper([missing])", null],
  ],
  Trim: [
    ["Trim([sp])", "a b"],
    ["Trim([missing])", null],
  ],
  Word: [
    ['Word([s], 2, " ")', "World"],
    ['Word("a,,b;c", 3, ",;")', "c"],
    ['Word([s], 3, " ")', null],
    ['Word([missing], 1, " ")', null],
  ],
  FormatNumber: [
    ["FormatNumber(1234567.891, 2)", "1234567.89"],
    ['FormatNumber(1234567.891, 1, ",", ".")', "1.234.567,9"],
    ['FormatNumber("-0.004", 2)', "0.00"],
    ["FormatNumber(-5, 0)", "-5"],
    ["FormatNumber([missing], 2)", null],
  ],
};

/** Type edge cases per built-in: unusual kinds of input, with the value or the per-record error code expected. */
const typeCases: Record<string, Array<[string, unknown | { error: string }]>> = {
  Append: [
    ['Append([arr], "!")', { error: "MAPPING_TYPE_ERROR" }],
    ["Append([t], [n])", "true42"],
    ["Append([date], [obj])", { error: "MAPPING_TYPE_ERROR" }],
  ],
  And: [
    ['And([n], "1", " TRUE ")', true],
    ["And([s])", { error: "MAPPING_TYPE_ERROR" }],
    ["And([f], [obj])", false],
  ],
  Or: [
    ["Or([obj])", { error: "MAPPING_TYPE_ERROR" }],
    ["Or([t], [obj])", true],
    ['Or([e], "0")', false],
  ],
  CBool: [
    ["CBool([s])", { error: "MAPPING_TYPE_ERROR" }],
    ["CBool([e])", false],
    ["CBool([arr])", { error: "MAPPING_TYPE_ERROR" }],
  ],
  CDate: [
    ['CDate("2023-02-29")', { error: "MAPPING_TYPE_ERROR" }],
    ["CDate([t])", { error: "MAPPING_TYPE_ERROR" }],
    ['CStr(CDate("2024-01-31T10:20:30+01:00"))', "2024-01-31T09:20:30.000Z"],
  ],
  Coalesce: [
    ["Coalesce([arr], [s])", ["b", "a", "b"]],
    ["Coalesce([obj])", { k: "v" }],
    ["Coalesce([none], [s])", []],
  ],
  CStr: [
    ["CStr([obj])", { error: "MAPPING_TYPE_ERROR" }],
    ["CStr(CDate([date]))", "2024-01-31T10:20:30.000Z"],
    ["CStr(-0.5)", "-0.5"],
  ],
  Count: [
    ["Count([obj])", 1],
    ["Count([e])", 1],
    ['Count(Split([e], ","))', 1],
  ],
  DateAdd: [
    ['DateAdd("d", "x", [date])', { error: "MAPPING_TYPE_ERROR" }],
    ['DateAdd("d", 1.5, [date])', { error: "MAPPING_TYPE_ERROR" }],
    ["DateAdd([missing], 1, [date])", { error: "MAPPING_FUNCTION_ERROR" }],
    ['CStr(DateAdd("m", 1, "2024-01-31"))', "2024-03-02T00:00:00.000Z"],
  ],
  DateDiff: [
    ['DateDiff("d", [s], [date])', { error: "MAPPING_TYPE_ERROR" }],
    ['DateDiff("fortnight", [date], [date])', { error: "MAPPING_FUNCTION_ERROR" }],
    ['DateDiff("yyyy", "2023-12-31", "2024-01-01")', 0],
  ],
  Equals: [
    ['[t] = "true"', true],
    ['CDate("2024-01-31T11:20:30+01:00") = CDate([date])', true],
    ["[arr] = [arr]", { error: "MAPPING_TYPE_ERROR" }],
    ["[z] = [f]", false],
  ],
  FormatDateTime: [
    ['FormatDateTime([n], "", "yyyy")', "1970"],
    ['FormatDateTime([arr], "", "yyyy")', { error: "MAPPING_TYPE_ERROR" }],
    ['FormatDateTime([date], "", [missing])', { error: "MAPPING_BAD_DATE_FORMAT" }],
    ['FormatDateTime("31.01.2024", "dd.MM.yyyy", "yyyy-MM-dd")', "2024-01-31"],
  ],
  FormatNumber: [
    ['FormatNumber("abc", 2)', { error: "MAPPING_TYPE_ERROR" }],
    ["FormatNumber([e], 2)", null],
    ["FormatNumber(1.5, 21)", { error: "MAPPING_FUNCTION_ERROR" }],
    ["FormatNumber(1.005, [missing])", { error: "MAPPING_TYPE_ERROR" }],
    ["FormatNumber(1234.5, 1, [missing], [missing])", "1234.5"],
  ],
  IgnoreFlowIfNullOrEmpty: [["IgnoreFlowIfNullOrEmpty([n])", 42]],
  IIF: [
    ['IIF([obj], "y", "n")', { error: "MAPPING_TYPE_ERROR" }],
    ['IIF("FALSE", "y", "n")', "n"],
    ['IIF([z], "y", [missing])', null],
  ],
  InStr: [
    ['InStr([s], "o", 0)', { error: "MAPPING_FUNCTION_ERROR" }],
    ['InStr([arr], "a")', { error: "MAPPING_TYPE_ERROR" }],
    ["InStr([n], 2)", 2],
    ["InStr([s], [missing])", null],
  ],
  IsNull: [
    ["IsNull([f])", false],
    ["IsNull([z])", false],
    ["IsNull([obj])", false],
  ],
  IsNullOrEmpty: [
    ['IsNullOrEmpty(Split([e], ","))', false],
    ["IsNullOrEmpty([f])", false],
    ["IsNullOrEmpty([sp])", false],
    ["IsNullOrEmpty([none])", true],
  ],
  IsPresent: [
    ["IsPresent([z])", true],
    ["IsPresent([missing])", false],
    ["IsPresent([arr])", true],
  ],
  Item: [
    ["Item([arr], 0)", null],
    ['Item([arr], "1")', "b"],
    ["Item([arr], 1.5)", { error: "MAPPING_TYPE_ERROR" }],
    ["Item([arr], [missing])", { error: "MAPPING_TYPE_ERROR" }],
  ],
  Join: [
    ['Join(",", [obj])', { error: "MAPPING_TYPE_ERROR" }],
    ["Join([n], [s], [t])", "Hello World42true"],
    ['Join(",", [f], [z])', "false,0"],
  ],
  Left: [
    ['Left([s], "3")', "Hel"],
    ["Left([s], 1.5)", { error: "MAPPING_FUNCTION_ERROR" }],
    ["Left([n], 1)", "4"],
    ["Left([s], [missing])", { error: "MAPPING_FUNCTION_ERROR" }],
  ],
  MapValue: [
    ['MapValue([arr], "countries")', { error: "MAPPING_TYPE_ERROR" }],
    ['MapValue([e], "countries", "none")', "none"],
  ],
  Mid: [
    ["Mid([s], 0, 2)", { error: "MAPPING_FUNCTION_ERROR" }],
    ["Mid([s], 1, -1)", { error: "MAPPING_FUNCTION_ERROR" }],
    ["Mid([n], 2, 5)", "2"],
  ],
  NormalizeDiacritics: [
    ["NormalizeDiacritics([n])", "42"],
    ["NormalizeDiacritics([arr])", { error: "MAPPING_TYPE_ERROR" }],
  ],
  Not: [
    ["Not([s])", { error: "MAPPING_TYPE_ERROR" }],
    ['Not("0")', true],
    ["Not([e])", true],
  ],
  Now: [['FormatDateTime(Now(), "", "yyyy-MM-dd")', "2024-02-29"]],
  NotEquals: [
    ['NotEquals([n], "42")', false],
    ["NotEquals([obj], [s])", { error: "MAPPING_TYPE_ERROR" }],
  ],
  PCase: [
    ["PCase([n])", "42"],
    ["PCase([obj])", { error: "MAPPING_TYPE_ERROR" }],
    ['PCase("élan VITAL")', "Élan Vital"],
  ],
  Redact: [
    ["Redact([missing])", null],
    ["Redact([arr])", ["b", "a", "b"]],
  ],
  RemoveDuplicates: [
    ["RemoveDuplicates([n])", 42],
    ['Count(RemoveDuplicates(Split("1,1,01", ",")))', 2],
  ],
  Replace: [
    ['Replace([s], [evil], "x")', { error: "MAPPING_BAD_REGEX" }],
    ['Replace([s], [evilAlternation], "x")', { error: "MAPPING_BAD_REGEX" }],
    ['Replace([s], "(o|r)+", "x")', "Hellx Wxld"],
    ['Replace([n], "4", "x")', "x2"],
    ['Replace([s], "o", [arr])', { error: "MAPPING_TYPE_ERROR" }],
    ['Replace([s], "o", "$&")', "Hell$& W$&rld"],
  ],
  Split: [
    ["Split([s], [missing])", ["Hello World"]],
    ['Split([n], "")', ["42"]],
    ['Split([arr], ",")', { error: "MAPPING_TYPE_ERROR" }],
  ],
  StripSpaces: [
    ["StripSpaces([n])", "42"],
    ["StripSpaces([obj])", { error: "MAPPING_TYPE_ERROR" }],
    ['StripSpaces("a\\tb c")', "a\tbc"],
  ],
  Switch: [
    ['Switch([t], "other", "true", "yes")', "yes"],
    ['Switch([n], "other", 42, "number key")', "number key"],
    ['Switch([arr], "other", "x", "y")', { error: "MAPPING_TYPE_ERROR" }],
    ['Switch([e], "other", "", "empty")', "empty"],
    ['Switch([s], "other", null, "never")', "other"],
    ['Switch([s], "other", "x", Left([s], -1))', { error: "MAPPING_FUNCTION_ERROR" }],
  ],
  ToLower: [
    ["ToLower([obj])", { error: "MAPPING_TYPE_ERROR" }],
    ["ToLower([t])", "true"],
    ["ToLower(CDate([date]))", "2024-01-31t10:20:30.000z"],
  ],
  ToUpper: [
    ["ToUpper([arr])", { error: "MAPPING_TYPE_ERROR" }],
    ["ToUpper([de])", "ÜNÏCÖDÉ STRASSE ØST"],
  ],
  Trim: [
    ["Trim([n])", "42"],
    ["Trim([arr])", { error: "MAPPING_TYPE_ERROR" }],
    ['Trim("\\t x \\n")', "x"],
  ],
  Word: [
    ['Word([s], "x", " ")', { error: "MAPPING_TYPE_ERROR" }],
    ["Word([s], 1, [missing])", "Hello"],
    ['Word([s], 0, " ")', null],
    ['Word([arr], 1, " ")', { error: "MAPPING_TYPE_ERROR" }],
  ],
};

describe("built-in functions", () => {
  it("has a case for every built-in", () => {
    expect(Object.keys(builtinFunctions).sort()).toEqual(Object.keys(cases).sort());
  });
  for (const [name, list] of Object.entries(cases)) {
    it(`${name}: values and nulls (both engines agree)`, () => {
      for (const [source, expected] of list) {
        const { value, result } = evaluate(source, r);
        expect(result.errors, source).toEqual([]);
        expect(value, source).toEqual(expected);
      }
    });
  }

  it("has type edge cases for every built-in", () => {
    expect(Object.keys(builtinFunctions).sort()).toEqual(Object.keys(typeCases).sort());
  });
  for (const [name, list] of Object.entries(typeCases)) {
    it(`${name}: type edge cases (both engines agree)`, () => {
      for (const [source, expected] of list) {
        const { value, result } = evaluate(source, r);
        if (typeof expected === "object" && expected !== null && "error" in expected) {
          expect(
            result.errors.map((e) => e.code),
            source,
          ).toEqual([expected.error]);
          expect(result.values, source).toEqual({});
        } else {
          expect(result.errors, source).toEqual([]);
          expect(value, source).toEqual(expected);
        }
      }
    });
  }

  it("reports type errors per field with the function and input kind, never the value", () => {
    const { result } = evaluate("ToLower([obj])", r);
    expect(result.errors).toEqual([
      {
        target: "x",
        function: "ToLower",
        inputKind: "object",
        code: "MAPPING_TYPE_ERROR",
        message: expect.any(String),
      },
    ]);
    expect(result.values).toEqual({});
    expect(errorCode("Left([s], -1)", r)).toBe("MAPPING_FUNCTION_ERROR");
    expect(errorCode('FormatDateTime([s], "", "yyyy")', r)).toBe("MAPPING_FUNCTION_ERROR");
    expect(errorCode("CDate([s])", r)).toBe("MAPPING_TYPE_ERROR");
    expect(errorCode("IIF([s], 1, 2)", r)).toBe("MAPPING_TYPE_ERROR");
    expect(errorCode("And([arr])", r)).toBe("MAPPING_TYPE_ERROR");
    expect(errorCode('DateAdd("fortnight", 1, [date])', r)).toBe("MAPPING_FUNCTION_ERROR");
    expect(errorCode('Replace([s], [s], "x")', { s: "(" })).toBe("MAPPING_BAD_REGEX");
    expect(errorCode('Mid([s], "x", 1)', r)).toBe("MAPPING_TYPE_ERROR");
    expect(errorCode("FormatNumber([s], 2)", r)).toBe("MAPPING_TYPE_ERROR");
    expect(errorCode("CStr([arr])", r)).toBe("MAPPING_TYPE_ERROR");
  });

  it("documents null semantics for every built-in", () => {
    for (const [name, def] of Object.entries(builtinFunctions)) {
      expect(def.doc.length, name).toBeGreaterThan(10);
      if (name !== "Now") expect(def.nulls, name).toBeTruthy();
    }
  });
});
