/** How a SAP property is typed, which decides its JSON form in OData v2 and v4. */
export type SapKind = "string" | "boolean" | "decimal" | "date" | "dateTime" | "dateTimeOffset" | "time";

/** A row: strings, booleans, decimals as numbers, dates and instants as epoch ms, times as seconds of day. */
export type SapRow = Record<string, string | number | boolean | null>;

/** One entity set served by the SAP simulator. */
export interface SapEntitySet {
  /** Entity set name in the URL, e.g. `Equipment`, `A_BusinessPartner`, `FixedAsset`. */
  name: string;
  /** OData type name for `__metadata.type`. */
  typeName: string;
  properties: Record<string, SapKind>;
  keys: string[];
  /** Rows ever created (index space). */
  count(): number;
  /** Row `index`, or undefined when it does not exist. */
  row(index: number): SapRow | undefined;
}

/** The OData services the SAP simulator exposes, each a path and its entity sets. */
export interface SapServiceDefinition {
  path: string;
  version: "v2" | "v4";
  sets: SapEntitySet[];
}
