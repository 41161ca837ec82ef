import type { SapKind, SapRow } from "./sap-entity-set";

const pad = (n: number): string => String(n).padStart(2, "0");

function formatValue(value: string | number | boolean | null, kind: SapKind, version: "v2" | "v4"): unknown {
  if (value === null) return null;
  switch (kind) {
    case "dateTime":
      return version === "v2"
        ? `/Date(${value})/`
        : new Date(Number(value)).toISOString().replace(/\.000Z$/, "Z");
    case "dateTimeOffset":
      return version === "v2"
        ? `/Date(${value}+0000)/`
        : new Date(Number(value)).toISOString().replace(/\.000Z$/, "Z");
    case "date":
      return version === "v2" ? `/Date(${value})/` : new Date(Number(value)).toISOString().slice(0, 10);
    case "time": {
      const s = Number(value);
      return `PT${pad(Math.floor(s / 3600))}H${pad(Math.floor((s % 3600) / 60))}M${pad(Math.floor(s % 60))}S`;
    }
    case "decimal":
      return version === "v2" ? Number(value).toFixed(2) : Number(value);
    default:
      return value;
  }
}

/** A row as OData JSON: v2 `/Date(ms)/`, decimals as strings; v4 ISO dates, decimals as numbers. */
export function formatSapRow(
  row: SapRow,
  kinds: Record<string, SapKind>,
  select: string[],
  version: "v2" | "v4",
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of select) out[name] = formatValue(row[name] ?? null, kinds[name] ?? "string", version);
  return out;
}

/** The key predicate of a row, e.g. `(Equipment='1',ValidityEndDate=datetime'9999-12-31T00:00:00')`. */
export function keyPredicate(row: SapRow, keys: string[], kinds: Record<string, SapKind>): string {
  const parts = keys.map((key) => {
    const value = row[key];
    if (kinds[key] === "dateTime")
      return `${key}=datetime'${new Date(Number(value)).toISOString().slice(0, 19)}'`;
    return `${key}='${String(value)}'`;
  });
  return `(${parts.join(",")})`;
}
