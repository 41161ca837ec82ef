import type { SourceRecord, SourceRemoval } from "@uslimato/core/connector";
import type { ODataClient } from "../odata/create-odata-client";
import type { ODataRow } from "../odata/normalize-odata-row";
import type { ODataLiteralType } from "../odata/odata-literal";

/** The connector's sources, in the order a run reads them (users before the assets). */
export const SAP_SOURCE_IDS = ["employees", "equipment", "fixedAssets"] as const;

/** One of the connector's sources. */
export type SapSourceId = (typeof SAP_SOURCE_IDS)[number];

/** What one page of rows becomes: upserts, removals with SAP's reason counted, rows skipped. */
export interface SourceBatch {
  upserts: SourceRecord[];
  removals: SourceRemoval[];
  /** SAP's reasons for the removals (e.g. `markedForDeletion`, `left`, `roleEnded`) with example ids. */
  reasons: Record<string, string[]>;
}

/** A key property and its EDM type (for the keyset filter). */
export interface SourceKey {
  name: string;
  type: ODataLiteralType;
}

/** How the reader lists one source: its collection, keys, filters, stamps and the rows' meaning. */
export interface SapSource {
  id: SapSourceId;
  kind: "asset" | "user";
  client: ODataClient;
  entitySet: string;
  /** The entity's key in order (the `$orderby` and the keyset). */
  keys: ReadonlyArray<SourceKey>;
  select?: ReadonlyArray<string>;
  expand?: ReadonlyArray<string>;
  /** The filter of a full listing (current rows, company codes, persons), if any. */
  scope(today: string): string | undefined;
  /**
   * The filter of rows changed since `since` (ms), and of rows that became current after `lastDay`
   * (`YYYY-MM-DD`, the day of the last incremental read).
   */
  changedSince(since: number, today: string, lastDay: string | undefined): string;
  /** A row's changed-at (ms), for the high-water mark. */
  stamp(row: ODataRow): number | undefined;
  /** Turns a page of rows into records and removals. */
  toBatch(rows: ReadonlyArray<ODataRow>, today: string, signal: AbortSignal): Promise<SourceBatch>;
}

/** Adds a removal reason with an example id (at most five kept per reason). */
export function countReason(reasons: Record<string, string[]>, reason: string, id: string): void {
  const list = reasons[reason] ?? [];
  if (list.length < 5) list.push(id);
  reasons[reason] = list;
}
