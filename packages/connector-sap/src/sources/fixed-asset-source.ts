import type { ODataClient } from "../odata/create-odata-client";
import { currentSegment } from "../odata/current-segment";
import type { ODataRow } from "../odata/normalize-odata-row";
import { formatODataLiteral } from "../odata/odata-literal";
import { countReason, type SapSource, type SourceBatch } from "../read/sap-source";
import type { SapSettings } from "../settings/sap-settings";

type FixedAssetSettings = NonNullable<SapSettings["sources"]["fixedAssets"]>;

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** The asset record of a fixed asset with its current assignment (cost center, plant, location, room). */
function fixedAssetRecord(row: ODataRow, today: string): Record<string, unknown> {
  const { _FixedAssetAssgmt: assignments, ...asset } = row;
  const assignment = Array.isArray(assignments)
    ? currentSegment(assignments as ODataRow[], today, { start: "ValidityStartDate", end: "ValidityEndDate" })
    : undefined;
  return {
    ...asset,
    ...(assignment ? { assignment } : {}),
    assetSource: "fixedAsset",
    assetId: `${String(row.CompanyCode)}/${String(row.MasterFixedAsset)}/${String(row.FixedAsset)}`,
    description: str(row.FixedAssetDescription),
    category: str(row.AssetClass),
    manufacturer: str(row.AssetManufacturerName),
    model: str(row.AssetTypeName),
    serialNumber: str(row.AssetSerialNumber),
    inventoryNumber: str(row.Inventory),
    plant: str(assignment?.Plant),
    location: str(assignment?.AssetLocation),
    room: str(assignment?.Room),
    costCenter: str(assignment?.CostCenter),
    companyCode: str(row.CompanyCode),
    status: row.AssetLifecycleStatus === "D" ? "deactivated" : "active",
  };
}

/**
 * `api_fixedasset` (OData v4, RAP): fixed assets of the configured company codes, keyed company code + master
 * fixed asset + sub-number, changed-at `LastChangeDateTime`, with the current `_FixedAssetAssgmt` segment when
 * `assignment` is on. Deactivated assets (lifecycle status `D`) become removals.
 */
export function fixedAssetSource(settings: FixedAssetSettings, client: ODataClient): SapSource {
  const v = "v4" as const;
  const codes = settings.companyCodes.map(
    (c) => `CompanyCode eq ${formatODataLiteral({ type: "string", value: c }, v)}`,
  );
  return {
    id: "fixedAssets",
    kind: "asset",
    client,
    entitySet: settings.entitySet,
    keys: [
      { name: "CompanyCode", type: "string" },
      { name: "MasterFixedAsset", type: "string" },
      { name: "FixedAsset", type: "string" },
    ],
    ...(settings.assignment ? { expand: ["_FixedAssetAssgmt"] } : {}),
    scope: () => (codes.length === 1 ? codes[0] : `(${codes.join(" or ")})`),
    changedSince: (since) =>
      `LastChangeDateTime ge ${formatODataLiteral({ type: "dateTimeOffset", value: new Date(since).toISOString() }, v)}`,
    stamp: (row) =>
      typeof row.LastChangeDateTime === "string" ? Date.parse(row.LastChangeDateTime) : undefined,
    async toBatch(rows, today) {
      const batch: SourceBatch = { upserts: [], removals: [], reasons: {} };
      for (const row of rows) {
        const id = `fixedAsset/${String(row.CompanyCode)}/${String(row.MasterFixedAsset)}/${String(row.FixedAsset)}`;
        if (row.AssetLifecycleStatus === "D") {
          batch.removals.push({ externalId: id, reason: "softDeleted" });
          countReason(batch.reasons, "fixed asset deactivated", id);
          continue;
        }
        batch.upserts.push({ externalId: id, data: fixedAssetRecord(row, today), owner: null });
      }
      return batch;
    },
  };
}
