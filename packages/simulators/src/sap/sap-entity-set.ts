/** How a SAP property is typed, which decides its JSON form in OData v2 and v4. */
export type SapKind =
  | "string"
  | "boolean"
  | "decimal"
  | "guid"
  | "date"
  | "dateTime"
  | "dateTimeOffset"
  | "time";

/** A row: strings, booleans, decimals as numbers, dates and instants as epoch ms, times as seconds of day. */
export type SapRow = Record<string, string | number | boolean | null>;

/** A navigation property of an entity set (`to_BusinessPartnerRole`, `_FixedAssetAssgmt`, ...). */
export interface SapNavigation {
  /** Target entity set name (in the same service). */
  target: string;
  /** Collection (`*`) or single (`1`/`0..1`) target. */
  many: boolean;
  /** The target rows of one source row. */
  rows(row: SapRow): readonly SapRow[];
}

/**
 * One entity set served by the SAP simulator. Rows are grouped in units (one equipment number with its
 * validity segments, one business partner with its roles, ...): units are in key order and so are the rows
 * within a unit, so a scan over units in index order is a scan in key order.
 */
export interface SapEntitySet {
  /** Entity set name in the URL, e.g. `Equipment`, `A_BusinessPartner`, `FixedAsset`. */
  name: string;
  /** Qualified OData type name, e.g. `API_EQUIPMENT.A_EquipmentType`. */
  typeName: string;
  properties: Record<string, SapKind>;
  /** `MaxLength` of string properties in `$metadata`. */
  maxLengths?: Record<string, number>;
  keys: string[];
  navigations?: Record<string, SapNavigation>;
  /** Units ever created (index space). */
  count(): number;
  /** The rows of unit `index` in key order (empty when it has none or was deleted). */
  rows(index: number): readonly SapRow[];
}

/** The OData services the SAP simulator exposes, each a path and its entity sets. */
export interface SapServiceDefinition {
  /** Which service: the switches of the simulator (`services`) are keyed by it. */
  id: string;
  /** Technical service name as in `/IWFND/MAINT_SERVICE`, e.g. `API_EQUIPMENT`. */
  name: string;
  path: string;
  version: "v2" | "v4";
  /** Schema namespace of `$metadata`. */
  namespace: string;
  sets: SapEntitySet[];
}
