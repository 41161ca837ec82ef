import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MappingError } from "../errors/mapping-error";
import type { Expression } from "./expression";
import { parseExpression } from "./parse-expression";
import { printExpression } from "./print-expression";
import { safeParseExpression } from "./safe-parse-expression";

const attr = (...path: string[]): Expression => ({ type: "attribute", path });
const str = (value: string): Expression => ({ type: "constant", value });
const call = (name: string, ...args: Expression[]): Expression => ({ type: "call", name, args });

function failure(text: string): MappingError {
  const result = safeParseExpression(text);
  if (result.success) throw new Error(`parsed: ${text}`);
  return result.error;
}

const expressionArbitrary: fc.Arbitrary<Expression> = fc.letrec<{ expr: Expression }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc
      .record({
        type: fc.constant("attribute" as const),
        path: fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }),
      })
      .filter(
        (a) =>
          !a.path.some((s) =>
            [
              "__proto__",
              "constructor",
              "toString",
              "valueOf",
              "prototype",
              "hasOwnProperty",
              "isPrototypeOf",
              "propertyIsEnumerable",
              "toLocaleString",
              "__defineGetter__",
              "__defineSetter__",
              "__lookupGetter__",
              "__lookupSetter__",
            ].includes(s),
          ),
      ),
    fc.record({
      type: fc.constant("constant" as const),
      value: fc.oneof(
        fc.string(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
      ),
    }),
    fc.record({
      type: fc.constant("call" as const),
      name: fc
        .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
        .filter((n) => !["true", "false", "null"].includes(n)),
      args: fc.array(tie("expr"), { maxLength: 4 }),
    }),
  ),
})).expr;

describe("parseExpression", () => {
  it("parses the Entra examples", () => {
    expect(parseExpression("ToLower(Coalesce([mail], [userPrincipalName]))")).toEqual(
      call("ToLower", call("Coalesce", attr("mail"), attr("userPrincipalName"))),
    );
    expect(parseExpression('Switch([country], "Other", "DE", "Germany")')).toEqual(
      call("Switch", attr("country"), str("Other"), str("DE"), str("Germany")),
    );
    expect(parseExpression('Join(" ", [givenName], [surname])')).toEqual(
      call("Join", str(" "), attr("givenName"), attr("surname")),
    );
    expect(parseExpression("[manager.mail]")).toEqual(attr("manager", "mail"));
    expect(parseExpression('IIF([c]="US", 1, -2.5e1)')).toEqual(
      call(
        "IIF",
        call("Equals", attr("c"), str("US")),
        { type: "constant", value: 1 },
        { type: "constant", value: -25 },
      ),
    );
    expect(parseExpression(" [a] <> null ")).toEqual(
      call("NotEquals", attr("a"), { type: "constant", value: null }),
    );
    expect(parseExpression('"tab\\there \\"q\\" \\u00e9"')).toEqual(str('tab\there "q" é'));
    expect(parseExpression("[a\\.b\\]c]")).toEqual(attr("a.b]c"));
    expect(parseExpression("Now()")).toEqual(call("Now"));
  });

  it("names the position and what was expected", () => {
    const e = failure("Left([s], 5");
    expect(e.code).toBe("MAPPING_PARSE_ERROR");
    expect(e.position).toBe(11);
    expect(e.expected).toContain("')'");
    expect(failure("[a..b]").position).toBe(3);
    expect(failure('"open').expected).toContain('"');
    expect(failure("ToLower [x]").expected).toContain("'('");
    expect(failure("[a] [b]").expected).toBe("end of input");
    expect(failure("").position).toBe(0);
    expect(failure('"\\q"').code).toBe("MAPPING_PARSE_ERROR");
    expect(failure("[__proto__]").code).toBe("MAPPING_PARSE_ERROR");
    expect(failure("[toString]").code).toBe("MAPPING_PARSE_ERROR");
  });

  it("bounds nesting and size", () => {
    const deep = "F(".repeat(200) + "1" + ")".repeat(200);
    expect(failure(deep).code).toBe("MAPPING_TOO_DEEP");
    expect(failure("[a]".padEnd(200_000, " ")).code).toBe("MAPPING_TOO_LARGE");
    expect(failure("F(" + Array.from({ length: 20_000 }, () => "1").join(",") + ")").code).toBe(
      "MAPPING_TOO_LARGE",
    );
    expect(failure("(".repeat(100_000)).code).toBe("MAPPING_PARSE_ERROR");
  });

  it("round-trips: printing a tree and parsing it back gives the same tree", () => {
    fc.assert(
      fc.property(expressionArbitrary, (tree) => {
        expect(parseExpression(printExpression(tree))).toEqual(tree);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws anything but MappingError on random input", () => {
    const alphabet = fc.constantFrom(...'[]().,"\\ =<>-+0123456789eEaZ_uTrue\n'.split(""));
    const noise = fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 60 }));
    fc.assert(
      fc.property(noise, (text) => {
        try {
          parseExpression(text);
        } catch (error) {
          expect(error).toBeInstanceOf(MappingError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
