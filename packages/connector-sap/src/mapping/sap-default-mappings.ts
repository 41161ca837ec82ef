import type { JsonValue } from "@uslimato/core/connector";

/**
 * Assets (equipment and fixed assets alike, from the connector's common asset fields): id, description,
 * category, manufacturer, model, serial number, location, cost center, status and, for equipment read with
 * `ownerPartnerFunction`, the owner's SAP partner number (left out when there is none; the owner itself is linked
 * to the host user, see `hub.records.listByOwner`). SAP's own fields stay in the record for custom mappings (e.g.
 * `[InventoryNumber]`, `[assignment]`).
 */
export const sapAssetMapping: JsonValue = {
  version: 1,
  rules: [
    { target: "assetId", source: "[assetId]" },
    { target: "source", source: "[assetSource]" },
    { target: "description", source: "[description]" },
    { target: "category", source: "[category]" },
    { target: "manufacturer", source: "[manufacturer]" },
    { target: "model", source: "[model]" },
    { target: "serialNumber", source: "[serialNumber]" },
    { target: "inventoryNumber", source: "[inventoryNumber]" },
    { target: "location", source: "Coalesce([room], [location], [plant])" },
    { target: "plant", source: "[plant]" },
    { target: "costCenter", source: "[costCenter]" },
    { target: "status", source: "[status]" },
    { target: "ownerPartner", source: "[ownerPartner]", ignoreIfEmpty: true },
  ],
};

/**
 * Employees (both modes, from the connector's common employee fields): display name (full name, else first and
 * last), e-mail (the matching key, normalized) and active (an employee the connector upserts is employed; leavers,
 * blocked and archived persons arrive as removals).
 */
export const sapEmployeeMapping = {
  version: 1,
  rules: [
    { target: "displayName", source: 'Coalesce([fullName], Trim(Join(" ", [firstName], [lastName])))' },
    { target: "email", source: "ToLower(Trim([email]))" },
    { target: "active", source: "true" },
  ],
} satisfies JsonValue;
