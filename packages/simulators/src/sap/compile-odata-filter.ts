import type { SapKind, SapRow } from "./sap-entity-set";

/** A compiled `$filter`: a row predicate. */
export type RowPredicate = (row: SapRow) => boolean;

type Token = { type: "word" | "literal" | "open" | "close"; text: string; prefix?: string };

const TOKEN = /\s*(?:(\()|(\))|(datetimeoffset|datetime|time|guid)?'((?:[^']|'')*)'|([^\s()']+))/y;

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (filter.slice(position).trim() !== "") {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(filter);
    if (!match) throw new Error(`Invalid filter near '${filter.slice(position, position + 20)}'`);
    position = TOKEN.lastIndex;
    if (match[1]) tokens.push({ type: "open", text: "(" });
    else if (match[2]) tokens.push({ type: "close", text: ")" });
    else if (match[4] !== undefined) {
      tokens.push({
        type: "literal",
        text: match[4].replace(/''/g, "'"),
        ...(match[3] ? { prefix: match[3] } : {}),
      });
    } else tokens.push({ type: "word", text: match[5] ?? "" });
  }
  return tokens;
}

function parseInstant(text: string, withOffset: boolean): number {
  if (/\.\d{8,}/.test(text)) throw new Error(`Invalid time literal '${text}': at most 7 fractional digits`);
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /Z|[+-]\d{2}:\d{2}$/.test(text) || !withOffset
      ? text
      : `${text}Z`;
  const ms = Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(ms)) throw new Error(`Invalid date literal '${text}'`);
  return ms;
}

function literalValue(token: Token, kind: SapKind, version: "v2" | "v4"): string | number | boolean | null {
  if (token.type === "word" && token.text === "null") return null;
  if (kind === "time") {
    const match = /^PT(\d+)H(\d+)M(\d+)S$/.exec(token.text);
    if (!match || (version === "v2" && token.prefix !== "time"))
      throw new Error(`Expected time'PThhHmmMssS', got ${token.text}`);
    return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  }
  if (kind === "date" || kind === "dateTime" || kind === "dateTimeOffset") {
    if (version === "v2" && token.prefix !== "datetime" && token.prefix !== "datetimeoffset") {
      throw new Error(`Expected datetime'...' or datetimeoffset'...', got ${token.text}`);
    }
    if (version === "v4" && token.type !== "word")
      throw new Error(`OData v4 date literals are unquoted, got '${token.text}'`);
    return parseInstant(token.text, token.prefix !== "datetime");
  }
  if (kind === "boolean") return token.text === "true";
  if (kind === "decimal") return Number(token.text.replace(/[mMdD]$/, ""));
  if (token.type !== "literal") throw new Error(`String literal expected, got ${token.text}`);
  return token.text;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (op === "eq") return a === b;
  if (op === "ne") return a !== b;
  if (a === null || b === null) return false;
  const x = a as number | string;
  const y = b as number | string;
  return op === "gt" ? x > y : op === "ge" ? x >= y : op === "lt" ? x < y : x <= y;
}

/**
 * Compiles an OData `$filter` (comparisons, `and`, `or`, `not`, parentheses) over typed properties. v2 needs
 * `datetime'...'` / `datetimeoffset'...'` / `time'PT..'` literals, v4 unquoted dates. Throws with a message
 * for anything it does not understand.
 */
export function compileODataFilter(
  filter: string,
  properties: Record<string, SapKind>,
  version: "v2" | "v4",
): RowPredicate {
  const tokens = tokenize(filter);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const next = (): Token => {
    const token = tokens[position++];
    if (!token) throw new Error("Unexpected end of filter");
    return token;
  };
  function primary(): RowPredicate {
    const token = next();
    if (token.type === "open") {
      const inner = or();
      if (next().type !== "close") throw new Error("Missing )");
      return inner;
    }
    if (token.type === "word" && token.text === "not") {
      const inner = primary();
      return (row) => !inner(row);
    }
    const kind = properties[token.text];
    if (!kind) throw new Error(`Property ${token.text} not found`);
    const op = next().text.toLowerCase();
    if (!["eq", "ne", "gt", "ge", "lt", "le"].includes(op)) throw new Error(`Unsupported operator ${op}`);
    const value = literalValue(next(), kind, version);
    return (row) => compare(op, row[token.text] ?? null, value);
  }
  function and(): RowPredicate {
    let left = primary();
    while (peek()?.text === "and") {
      position++;
      const l = left;
      const r = primary();
      left = (row) => l(row) && r(row);
    }
    return left;
  }
  function or(): RowPredicate {
    let left = and();
    while (peek()?.text === "or") {
      position++;
      const l = left;
      const r = and();
      left = (row) => l(row) || r(row);
    }
    return left;
  }
  const predicate = or();
  if (position !== tokens.length) throw new Error(`Unexpected ${tokens[position]?.text}`);
  return predicate;
}
