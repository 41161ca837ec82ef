/** OData protocol version of a service. */
export type ODataVersion = "v2" | "v4";

/**
 * A typed value for a `$filter`. Gateway refuses untyped or wrongly typed literals, so every value says its EDM
 * type: `date` (`YYYY-MM-DD`), `dateTime` (a local date and time without zone, `YYYY-MM-DDTHH:MM:SS`),
 * `dateTimeOffset` (an instant, any ISO form `Date.parse` reads), `time` (`HH:MM:SS`), `guid`, `decimal` (exact,
 * as text), `number`, `boolean`, `string`.
 */
export type ODataLiteral =
  | { type: "string"; value: string }
  | { type: "date"; value: string }
  | { type: "dateTime"; value: string }
  | { type: "dateTimeOffset"; value: string }
  | { type: "time"; value: string }
  | { type: "guid"; value: string }
  | { type: "decimal"; value: string }
  | { type: "number"; value: number }
  | { type: "boolean"; value: boolean };

/** The EDM type names of {@link ODataLiteral}. */
export type ODataLiteralType = ODataLiteral["type"];

const DATE = /^(\d{4}-\d{2}-\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** A literal value that cannot be written in a `$filter` (e.g. a malformed date). */
export class ODataLiteralError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ODataLiteralError";
  }
}

/** Milliseconds only when they are not zero: Gateway refuses nine fractional digits, SAP stamps are whole seconds. */
function isoInstant(text: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new ODataLiteralError(`not an instant: '${text}'`);
  const iso = new Date(ms).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, 19)}Z` : iso;
}

function localDateTime(text: string): string {
  const match = LOCAL.exec(text);
  if (!match) throw new ODataLiteralError(`not a local date and time: '${text}'`);
  const time = match[2] ?? "00:00:00";
  const fraction = match[3] ? match[3].slice(0, 4).replace(/\.?0+$/, "") : "";
  return `${match[1]}T${time.length === 5 ? `${time}:00` : time}${fraction}`;
}

/**
 * Writes a typed `$filter` literal for OData v2 (`datetime'...'`, `datetimeoffset'...'`, `time'PT..'`,
 * `guid'...'`, `1.5M`) or v4 (unquoted dates, instants, times and guids). Strings are quoted with `''` escaping.
 *
 * @example
 * ```ts
 * formatODataLiteral({ type: "dateTimeOffset", value: "2024-01-01T00:00:00Z" }, "v2"); // datetimeoffset'2024-01-01T00:00:00Z'
 * formatODataLiteral({ type: "string", value: "O'Neil" }, "v4"); // 'O''Neil'
 * ```
 */
export function formatODataLiteral(literal: ODataLiteral, version: ODataVersion): string {
  switch (literal.type) {
    case "string":
      return `'${literal.value.replace(/'/g, "''")}'`;
    case "boolean":
      return literal.value ? "true" : "false";
    case "number":
      if (!Number.isFinite(literal.value))
        throw new ODataLiteralError(`not a finite number: ${literal.value}`);
      return String(literal.value);
    case "decimal":
      if (!DECIMAL.test(literal.value)) throw new ODataLiteralError(`not a decimal: '${literal.value}'`);
      return version === "v2" ? `${literal.value}M` : literal.value;
    case "guid":
      if (!GUID.test(literal.value)) throw new ODataLiteralError(`not a guid: '${literal.value}'`);
      return version === "v2" ? `guid'${literal.value}'` : literal.value;
    case "date": {
      if (!DATE.test(literal.value)) throw new ODataLiteralError(`not a date: '${literal.value}'`);
      return version === "v2" ? `datetime'${literal.value}T00:00:00'` : literal.value;
    }
    case "dateTime": {
      const local = localDateTime(literal.value);
      return version === "v2" ? `datetime'${local}'` : `${local}Z`;
    }
    case "dateTimeOffset": {
      const instant = isoInstant(literal.value);
      return version === "v2" ? `datetimeoffset'${instant}'` : instant;
    }
    case "time": {
      const match = TIME.exec(literal.value);
      if (!match) throw new ODataLiteralError(`not a time of day: '${literal.value}'`);
      const [h, m, s] = [match[1] as string, match[2] as string, match[3] ?? "00"];
      return version === "v2"
        ? `time'PT${h.padStart(2, "0")}H${m}M${s}S'`
        : `${h.padStart(2, "0")}:${m}:${s}`;
    }
  }
}
