import type { SapKind, SapRow } from "./sap-entity-set";

const pad = (n: number): string => String(n).padStart(2, "0");
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

/** How values are written: the OData version and, in v4, `IEEE754Compatible=true` (decimals as strings). */
export interface SapFormat {
  version: "v2" | "v4";
  ieee754?: boolean;
}

/** One value as OData JSON. */
function formatSapValue(value: SapRow[string] | undefined, kind: SapKind, format: SapFormat): unknown {
  if (value === null || value === undefined) return null;
  const v2 = format.version === "v2";
  switch (kind) {
    case "dateTime":
      return v2 ? `/Date(${value})/` : iso(Number(value));
    case "dateTimeOffset":
      return v2 ? `/Date(${value}+0000)/` : iso(Number(value));
    case "date":
      return v2 ? `/Date(${value})/` : iso(Number(value)).slice(0, 10);
    case "time": {
      const s = Number(value);
      const [h, m, sec] = [
        pad(Math.floor(s / 3600)),
        pad(Math.floor((s % 3600) / 60)),
        pad(Math.floor(s % 60)),
      ];
      return v2 ? `PT${h}H${m}M${sec}S` : `${h}:${m}:${sec}`;
    }
    case "decimal":
      return v2 || format.ieee754 ? Number(value).toFixed(3) : Number(value);
    default:
      return value;
  }
}

/** A row as OData JSON: v2 `/Date(ms)/`, decimals as strings; v4 ISO dates, decimals as numbers (or strings). */
export function formatSapRow(
  row: SapRow,
  kinds: Record<string, SapKind>,
  select: readonly string[],
  format: SapFormat | "v2" | "v4",
): Record<string, unknown> {
  const f = typeof format === "string" ? { version: format } : format;
  const out: Record<string, unknown> = {};
  for (const name of select) out[name] = formatSapValue(row[name] ?? null, kinds[name] ?? "string", f);
  return out;
}

/**
 * The key predicate of a row: v2 `(Equipment='1',ValidityEndDate=datetime'9999-12-31T00:00:00')`, v4
 * `(CompanyCode='1010',...,ValidityEndDate=9999-12-31)`.
 */
export function keyPredicate(
  row: SapRow,
  keys: string[],
  kinds: Record<string, SapKind>,
  version: "v2" | "v4" = "v2",
): string {
  const parts = keys.map((key) => {
    const value = row[key];
    const kind = kinds[key];
    if (kind === "dateTime" || kind === "date" || kind === "dateTimeOffset") {
      const text = iso(Number(value));
      if (version === "v4") return `${key}=${kind === "date" ? text.slice(0, 10) : text}`;
      return kind === "dateTimeOffset"
        ? `${key}=datetimeoffset'${text}'`
        : `${key}=datetime'${text.slice(0, 19)}'`;
    }
    if (kind === "boolean" || kind === "decimal") return `${key}=${String(value)}`;
    if (kind === "guid")
      return version === "v2" ? `${key}=guid'${String(value)}'` : `${key}=${String(value)}`;
    return `${key}='${String(value).replace(/'/g, "''")}'`;
  });
  // a single key goes without its name, as Gateway writes it: A_BusinessPartner('1000000')
  return keys.length === 1 ? `(${(parts[0] ?? "").slice(`${keys[0]}=`.length)})` : `(${parts.join(",")})`;
}
