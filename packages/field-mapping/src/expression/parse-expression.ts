import { MappingError } from "../errors/mapping-error";
import type { Expression } from "./expression";
import { expressionLimits, forbiddenAttributeNames } from "./expression";

const isIdentStart = (c: string) => /[A-Za-z_]/.test(c);
const isIdentPart = (c: string) => /[A-Za-z0-9_]/.test(c);
const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const escapes: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class Parser {
  pos = 0;
  nodes = 0;
  constructor(readonly text: string) {}

  fail(expected: string, at = this.pos): never {
    const found = at < this.text.length ? JSON.stringify(this.text[at]) : "end of input";
    throw new MappingError(
      "MAPPING_PARSE_ERROR",
      `Expected ${expected} at position ${at} but found ${found}`,
      {
        position: at,
        expected,
      },
    );
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  count(): void {
    if (++this.nodes > expressionLimits.maxNodes) {
      throw new MappingError(
        "MAPPING_TOO_LARGE",
        `Expression has more than ${expressionLimits.maxNodes} nodes`,
        {
          position: this.pos,
        },
      );
    }
  }

  expression(depth: number): Expression {
    const left = this.operand(depth);
    this.skipSpace();
    const op = this.text.startsWith("<>", this.pos) ? "<>" : this.text[this.pos] === "=" ? "=" : undefined;
    if (op === undefined) return left;
    this.pos += op.length;
    this.count();
    const right = this.operand(depth);
    return { type: "call", name: op === "=" ? "Equals" : "NotEquals", args: [left, right] };
  }

  operand(depth: number): Expression {
    if (depth > expressionLimits.maxDepth) {
      throw new MappingError(
        "MAPPING_TOO_DEEP",
        `Expression nests deeper than ${expressionLimits.maxDepth}`,
        {
          position: this.pos,
        },
      );
    }
    this.skipSpace();
    this.count();
    const c = this.text[this.pos];
    if (c === "[") return this.attribute();
    if (c === '"') return { type: "constant", value: this.string() };
    if (c !== undefined && (c === "-" || (c >= "0" && c <= "9"))) return this.number();
    if (c !== undefined && isIdentStart(c)) return this.identifier(depth);
    return this.fail("an attribute, a string, a number or a function call");
  }

  attribute(): Expression {
    const start = this.pos++;
    const path: string[] = [];
    let segment = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) return this.fail("']' closing the attribute opened at position " + start);
      if (c === "\\") {
        const next = this.text[this.pos + 1];
        if (next === undefined) return this.fail("an escaped character", this.pos + 1);
        segment += next;
        this.pos += 2;
        continue;
      }
      if (c === "." || c === "]") {
        if (segment === "") return this.fail("an attribute name");
        if (forbiddenAttributeNames.has(segment)) return this.fail("an attribute name other than " + segment);
        path.push(segment);
        segment = "";
        this.pos++;
        if (c === "]") return { type: "attribute", path };
        continue;
      }
      segment += c;
      this.pos++;
    }
  }

  string(): string {
    this.pos++;
    let out = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) return this.fail("'\"' closing the string");
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c !== "\\") {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1];
      if (e === "u") {
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return this.fail("four hex digits after \\u", this.pos + 2);
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.pos += 6;
        continue;
      }
      const decoded = e === undefined ? undefined : escapes[e];
      if (decoded === undefined)
        return this.fail('an escape sequence (\\" \\\\ \\n \\t \\uXXXX ...)', this.pos + 1);
      out += decoded;
      this.pos += 2;
    }
  }

  number(): Expression {
    numberPattern.lastIndex = this.pos;
    const match = numberPattern.exec(this.text);
    if (match === null) return this.fail("a number");
    const value = Number(match[0]);
    if (!Number.isFinite(value)) return this.fail("a finite number");
    this.pos += match[0].length;
    return { type: "constant", value };
  }

  identifier(depth: number): Expression {
    const start = this.pos;
    while (this.pos < this.text.length && isIdentPart(this.text[this.pos]!)) this.pos++;
    const name = this.text.slice(start, this.pos);
    if (name === "true" || name === "false") return { type: "constant", value: name === "true" };
    if (name === "null") return { type: "constant", value: null };
    this.skipSpace();
    if (this.text[this.pos] !== "(") return this.fail(`'(' after the function name ${name}`);
    this.pos++;
    const args: Expression[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ")") {
      this.pos++;
      return { type: "call", name, args };
    }
    for (;;) {
      args.push(this.expression(depth + 1));
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === ")") return { type: "call", name, args };
      if (c !== ",") return this.fail(`',' or ')' in the arguments of ${name}`, this.pos - 1);
    }
  }
}

/**
 * Parses the Entra-style string form of an expression (`ToLower(Coalesce([mail], [userPrincipalName]))`)
 * into its syntax tree.
 *
 * @throws {MappingError} `MAPPING_PARSE_ERROR` with the `position` and what was `expected`;
 *   `MAPPING_TOO_DEEP` / `MAPPING_TOO_LARGE` past {@link expressionLimits}. Nothing else.
 */
export function parseExpression(text: string): Expression {
  if (typeof text !== "string") {
    throw new MappingError("MAPPING_PARSE_ERROR", "Expected the expression as a string", { position: 0 });
  }
  if (text.length > expressionLimits.maxLength) {
    throw new MappingError("MAPPING_TOO_LARGE", `Expression is longer than ${expressionLimits.maxLength}`, {
      position: expressionLimits.maxLength,
    });
  }
  const parser = new Parser(text);
  const tree = parser.expression(0);
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail("end of input");
  return tree;
}
