import type { SapValue } from "./compare-sap-values";
import type { SapKind } from "./sap-entity-set";

/** A comparison operator of `$filter`. */
export type FilterOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

/** A parsed `$filter`: comparisons and string functions joined by `and`, `or`, `not`. */
export type FilterNode =
  | { type: "and" | "or"; left: FilterNode; right: FilterNode }
  | { type: "not"; inner: FilterNode }
  | { type: "cmp"; property: string; op: FilterOperator; value: SapValue }
  | {
      type: "fn";
      name: "startswith" | "endswith" | "contains";
      property: string;
      value: string;
      negate?: boolean;
    };

/** Why a `$filter` was refused, with the SAP message class of the refusal. */
export class ODataFilterError extends Error {
  override readonly name = "ODataFilterError";
}

type Token = { type: "word" | "literal" | "open" | "close" | "comma"; text: string; prefix?: string };

const TOKEN =
  /\s*(?:(\()|(\))|(,)|(datetimeoffset|datetime|time|guid|X|binary)?'((?:[^']|'')*)'|([^\s(),']+))/y;
const OPERATORS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (filter.slice(position).trim() !== "") {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(filter);
    if (!match) throw new ODataFilterError(`Invalid filter near '${filter.slice(position, position + 20)}'`);
    position = TOKEN.lastIndex;
    if (match[1]) tokens.push({ type: "open", text: "(" });
    else if (match[2]) tokens.push({ type: "close", text: ")" });
    else if (match[3]) tokens.push({ type: "comma", text: "," });
    else if (match[5] !== undefined) {
      tokens.push({
        type: "literal",
        text: match[5].replace(/''/g, "'"),
        ...(match[4] ? { prefix: match[4] } : {}),
      });
    } else tokens.push({ type: "word", text: match[6] ?? "" });
  }
  return tokens;
}

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(text: string): number {
  if (/\.\d{8,}/.test(text)) {
    throw new ODataFilterError(`Invalid time literal '${text}': at most 7 fractional digits`);
  }
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : OFFSET.test(text) ? text : `${text}Z`;
  const ms = Date.parse(iso.replace(/(\.\d{3})\d+/, "$1"));
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms))
    throw new ODataFilterError(`Invalid date literal '${text}'`);
  return ms;
}

function literalValue(token: Token, kind: SapKind, version: "v2" | "v4", property: string): SapValue {
  if (token.type === "word" && token.text === "null") return null;
  const wrong = (expected: string): never => {
    throw new ODataFilterError(
      `Invalid literal for property '${property}': expected ${expected}, got ${token.prefix ?? ""}${token.type === "literal" ? `'${token.text}'` : token.text}`,
    );
  };
  switch (kind) {
    case "time": {
      const v2 = /^PT(\d{1,2})H(\d{1,2})M(\d{1,2})S$/.exec(token.text);
      const v4 = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(token.text);
      const match =
        version === "v2" ? (token.prefix === "time" ? v2 : null) : token.type === "word" ? v4 : null;
      if (!match) return wrong(version === "v2" ? "time'PThhHmmMssS'" : "hh:mm:ss");
      return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
    }
    case "date":
    case "dateTime":
    case "dateTimeOffset": {
      if (version === "v2" && token.prefix !== "datetime" && token.prefix !== "datetimeoffset") {
        return wrong(kind === "dateTimeOffset" ? "datetimeoffset'...'" : "datetime'...'");
      }
      if (version === "v4" && token.type !== "word") return wrong("an unquoted date or date-time");
      if (version === "v4" && kind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(token.text))
        return wrong("YYYY-MM-DD");
      return parseInstant(token.text);
    }
    case "guid": {
      const ok = version === "v2" ? token.prefix === "guid" : token.type === "word";
      if (!ok || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token.text)) {
        return wrong(version === "v2" ? "guid'...'" : "an unquoted guid");
      }
      return token.text.toLowerCase();
    }
    case "boolean":
      if (token.type !== "word" || (token.text !== "true" && token.text !== "false"))
        return wrong("true or false");
      return token.text === "true";
    case "decimal": {
      const text = token.type === "literal" && version === "v2" ? "" : token.text.replace(/[mMdD]$/, "");
      if (!/^-?\d+(\.\d+)?$/.test(text)) return wrong("a decimal");
      return Number(text);
    }
    default:
      if (token.type !== "literal" || token.prefix) return wrong("a quoted string");
      return token.text;
  }
}

const FUNCTIONS: Record<string, "startswith" | "endswith" | "contains"> = {
  startswith: "startswith",
  endswith: "endswith",
  substringof: "contains",
  contains: "contains",
};

/**
 * Parses an OData `$filter` over typed properties: comparisons (`eq ne gt ge lt le`), `and`, `or`, `not`,
 * parentheses and the string functions (`startswith`, `endswith`, v2 `substringof`, v4 `contains`). v2 needs
 * typed literals (`datetime'...'`, `datetimeoffset'...'`, `time'PT..'`, `guid'...'`), v4 unquoted ones. Lambdas
 * (`any`, `all`) and navigation paths are refused, as OData v2 Gateway refuses them.
 *
 * @throws ODataFilterError for anything it does not understand.
 */
export function parseODataFilter(
  filter: string,
  properties: Record<string, SapKind>,
  version: "v2" | "v4",
): FilterNode {
  const tokens = tokenize(filter);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const next = (): Token => {
    const token = tokens[position++];
    if (!token) throw new ODataFilterError("Unexpected end of filter");
    return token;
  };
  const expect = (type: Token["type"]): Token => {
    const token = next();
    if (token.type !== type) throw new ODataFilterError(`Expected '${type}', got '${token.text}'`);
    return token;
  };
  const propertyOf = (token: Token): string => {
    if (token.type !== "word") throw new ODataFilterError(`Property expected, got '${token.text}'`);
    if (token.text.includes("/")) {
      throw new ODataFilterError(
        /\/(any|all)$/.test(token.text)
          ? `Lambda operator '${token.text}' is not supported`
          : `Navigation path '${token.text}' is not supported in $filter`,
      );
    }
    if (!properties[token.text]) throw new ODataFilterError(`Property ${token.text} not found`);
    return token.text;
  };
  function call(name: string): FilterNode {
    const fn = FUNCTIONS[name];
    if (!fn || (name === "substringof" && version === "v4") || (name === "contains" && version === "v2")) {
      throw new ODataFilterError(`Function '${name}' is not supported`);
    }
    expect("open");
    let property: string;
    let value: Token;
    if (name === "substringof") {
      value = expect("literal");
      expect("comma");
      property = propertyOf(next());
    } else {
      property = propertyOf(next());
      expect("comma");
      value = expect("literal");
    }
    expect("close");
    let node: FilterNode = { type: "fn", name: fn, property, value: value.text };
    // v2 functions return booleans that clients compare: `startswith(Name,'A') eq true`
    if (peek()?.text === "eq" || peek()?.text === "ne") {
      const op = next().text;
      const flag = next().text;
      if (flag !== "true" && flag !== "false")
        throw new ODataFilterError(`Expected true or false, got ${flag}`);
      if ((op === "eq") !== (flag === "true")) node = { type: "not", inner: node };
    }
    return node;
  }
  function primary(): FilterNode {
    const token = next();
    if (token.type === "open") {
      const inner = or();
      expect("close");
      return inner;
    }
    if (token.type === "word" && token.text === "not") return { type: "not", inner: primary() };
    if (token.type === "word" && peek()?.type === "open") return call(token.text);
    const property = propertyOf(token);
    const op = next().text;
    if (!OPERATORS.has(op)) throw new ODataFilterError(`Unsupported operator '${op}'`);
    const kind = properties[property] ?? "string";
    return {
      type: "cmp",
      property,
      op: op as FilterOperator,
      value: literalValue(next(), kind, version, property),
    };
  }
  function and(): FilterNode {
    let left = primary();
    while (peek()?.text === "and") {
      position++;
      left = { type: "and", left, right: primary() };
    }
    return left;
  }
  function or(): FilterNode {
    let left = and();
    while (peek()?.text === "or") {
      position++;
      left = { type: "or", left, right: and() };
    }
    return left;
  }
  const node = or();
  if (position !== tokens.length) throw new ODataFilterError(`Unexpected '${tokens[position]?.text}'`);
  return node;
}
