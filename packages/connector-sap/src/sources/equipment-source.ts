import type { ODataClient } from "../odata/create-odata-client";
import type { ODataRow } from "../odata/normalize-odata-row";
import { formatODataLiteral } from "../odata/odata-literal";
import { countReason, type SapSource, type SourceBatch } from "../read/sap-source";
import type { SapSettings } from "../settings/sap-settings";
import { equipmentOwnerPartner } from "./equipment-owner";

type EquipmentSettings = NonNullable<SapSettings["sources"]["equipment"]>;

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const ms = (value: unknown): number | undefined => {
  const parsed = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : parsed;
};

const withoutPartners = ({ to_Partner: _partners, ...equipment }: ODataRow): ODataRow => equipment;

/**
 * The asset record of an equipment's current segment: SAP's fields (the expanded partners left out) plus the
 * connector's common asset fields, `ownerPartner` the owner's partner number (or null).
 */
function equipmentRecord(row: ODataRow, ownerPartner: string | null): Record<string, unknown> {
  const equipment = row.to_Partner === undefined ? row : withoutPartners(row);
  const flagged = row.EquipmentIsMarkedForDeletion === true;
  const inactive = row.EquipmentIsInactive === true;
  return {
    ...equipment,
    assetSource: "equipment",
    assetId: row.Equipment,
    description: str(row.EquipmentName),
    category: str(row.EquipmentCategory) ?? str(row.TechnicalObjectType),
    manufacturer: str(row.AssetManufacturerName),
    model: str(row.ManufacturerPartTypeName) ?? str(row.ManufacturerPartNmbr),
    serialNumber: str(row.SerialNumber) ?? str(row.ManufacturerSerialNumber),
    inventoryNumber: str(row.InventoryNumber),
    plant: str(row.MaintenancePlant),
    location: str(row.AssetLocation) ?? str(row.FunctionalLocation),
    room: str(row.AssetRoom) ?? str(row.RoomNumber),
    costCenter: str(row.CostCenter),
    companyCode: str(row.CompanyCode),
    status: flagged ? "markedForDeletion" : inactive ? "inactive" : "active",
    ownerPartner,
  };
}

/**
 * `API_EQUIPMENT` (OData v2): the current validity segment of each equipment (validity start <= today <= end,
 * filtered by the service), keyed `Equipment` + `ValidityEndDate`, changed-at `LastChangeDateTime`. Deletion
 * flags and inactive equipment become removals; a segment that became current since the last read is read too.
 * With `ownerPartnerFunction`, the partners come along (`$expand=to_Partner`) and the partner of that function
 * owns the asset (`{ externalUserId: <Partner>, source: "sap" }`: the employee this or another SAP integration
 * links by that id).
 */
export function equipmentSource(settings: EquipmentSettings, client: ODataClient): SapSource {
  const v = "v2" as const;
  const ownerFunction = settings.ownerPartnerFunction;
  const day = (d: string) => formatODataLiteral({ type: "date", value: d }, v);
  const plants = settings.plants.map(
    (p) => `MaintenancePlant eq ${formatODataLiteral({ type: "string", value: p }, v)}`,
  );
  const current = (today: string) =>
    `ValidityStartDate le ${day(today)} and ValidityEndDate ge ${day(today)}`;
  return {
    id: "equipment",
    kind: "asset",
    client,
    entitySet: settings.entitySet,
    keys: [
      { name: "Equipment", type: "string" },
      { name: "ValidityEndDate", type: "dateTime" },
    ],
    ...(ownerFunction ? { expand: ["to_Partner"] } : {}),
    scope: (today) =>
      plants.length === 0 ? current(today) : `${current(today)} and (${plants.join(" or ")})`,
    changedSince(since, today, lastDay) {
      const changed = `LastChangeDateTime ge ${formatODataLiteral({ type: "dateTimeOffset", value: new Date(since).toISOString() }, v)}`;
      return lastDay && lastDay < today ? `(${changed} or ValidityStartDate gt ${day(lastDay)})` : changed;
    },
    stamp: (row) => ms(row.LastChangeDateTime),
    async toBatch(rows) {
      const batch: SourceBatch = { upserts: [], removals: [], reasons: {} };
      for (const row of rows) {
        const id = `equipment/${String(row.Equipment)}`;
        if (row.EquipmentIsMarkedForDeletion === true || row.EquipmentIsInactive === true) {
          const reason = row.EquipmentIsMarkedForDeletion === true ? "markedForDeletion" : "inactive";
          batch.removals.push({ externalId: id, reason: "softDeleted" });
          countReason(batch.reasons, `equipment ${reason}`, id);
          continue;
        }
        const partner = ownerFunction ? equipmentOwnerPartner(row.to_Partner, ownerFunction) : null;
        batch.upserts.push({
          externalId: id,
          data: equipmentRecord(row, partner),
          owner: partner === null ? null : { externalUserId: partner, source: "sap" },
        });
      }
      return batch;
    },
  };
}
