import { asciiFold, GIVEN_NAMES, SURNAMES } from "../graph/model/names";
import { hash32 } from "../random/hash32";
import type { SapRow } from "./sap-entity-set";

const DAY = 86_400_000;
const PLANTS = ["1010", "1710", "2010"];
const COST_CENTERS = ["10101101", "10101201", "10101301", "17101101"];
const ASSET_CLASSES = ["3100", "3200", "4000"];
const MAKES = [
  "Lenovo ThinkPad T14",
  "Dell Latitude 7440",
  "HP EliteBook 840",
  "Apple MacBook Pro",
  "Zebra TC52",
];

/** Midnight UTC of a timestamp. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY) * DAY;

/** A change instant in the two years before `anchor`, whole seconds. */
function changedAt(seed: number, index: number, salt: number, anchor: number): number {
  return Math.floor((anchor - (hash32(seed, index, salt) % (730 * 86_400)) * 1000) / 1000) * 1000;
}

/** Equipment `index` (API_EQUIPMENT, v2). */
export function equipmentRow(seed: number, index: number, anchor: number): SapRow {
  const h = hash32(seed, index, 41);
  const changed = changedAt(seed, index, 42, anchor);
  return {
    Equipment: String(10_000_000 + index),
    ValidityEndDate: Date.UTC(9999, 11, 31),
    EquipmentName: `${MAKES[h % MAKES.length]} #${index + 1}`,
    InventoryNumber: `INV-${String(index + 1).padStart(6, "0")}`,
    SerialNumber: `SN${(h >>> 3).toString(36).toUpperCase()}`,
    ManufacturerSerialNumber: `M${(h >>> 5).toString(16).toUpperCase()}`,
    AcquisitionDate: dayOf(changed - (h % 900) * DAY),
    AcquisitionValue: ((h % 300_000) + 10_000) / 100,
    Currency: "EUR",
    CostCenter: COST_CENTERS[(h >>> 8) % COST_CENTERS.length] as string,
    ControllingArea: "A000",
    CompanyCode: "1010",
    MasterFixedAsset: index % 3 === 0 ? String(100_000 + index) : "",
    FixedAsset: index % 3 === 0 ? "0" : "",
    MaintenancePlant: PLANTS[(h >>> 12) % PLANTS.length] as string,
    AssetLocation: `R-${(h >>> 16) % 500}`,
    CreationDate: dayOf(changed - (h % 1000) * DAY),
    LastChangeDateTime: changed,
    EquipmentIsMarkedForDeletion: h % 50 === 0,
    EquipmentIsInactive: h % 40 === 0,
  };
}

/** Fixed asset `index` (api_fixedasset, v4). */
export function fixedAssetRow(seed: number, index: number, anchor: number): SapRow {
  const h = hash32(seed, index, 51);
  const changed = changedAt(seed, index, 52, anchor);
  return {
    CompanyCode: "1010",
    MasterFixedAsset: String(100_000 + index).padStart(12, "0"),
    FixedAsset: "0000",
    FixedAssetDescription: `${MAKES[h % MAKES.length]} asset ${index + 1}`,
    AssetAdditionalDescription: h % 3 === 0 ? "" : `Room ${(h >>> 4) % 300}`,
    AssetSerialNumber: `SN${(h >>> 3).toString(36).toUpperCase()}`,
    Inventory: `INV-${String(index + 1).padStart(6, "0")}`,
    AssetClass: ASSET_CLASSES[(h >>> 8) % ASSET_CLASSES.length] as string,
    AssetLifecycleStatus: h % 25 === 0 ? "D" : "A",
    Supplier: String(17_300_000 + (h % 50)),
    CreationDateTime: changed - (h % 1000) * DAY,
    LastChangeDate: dayOf(changed),
    LastChangeDateTime: changed,
  };
}

/** Business partner `index` (A_BusinessPartner, v2): 90% persons (employees), 10% organisations. */
export function businessPartnerRow(seed: number, index: number, anchor: number): SapRow {
  const h = hash32(seed, index, 61);
  const person = index % 10 !== 9;
  const first = GIVEN_NAMES[h % GIVEN_NAMES.length] as string;
  const last = SURNAMES[(h >>> 8) % SURNAMES.length] as string;
  const changed = changedAt(seed, index, 62, anchor);
  const neverChanged = h % 20 === 0;
  return {
    BusinessPartner: String(1_000_000 + index),
    BusinessPartnerCategory: person ? "1" : "2",
    BusinessPartnerFullName: person ? `${first} ${last}` : `${last} Supplies GmbH`,
    FirstName: person ? first : "",
    LastName: person ? last : "",
    PersonFullName: person ? `${first} ${last}` : "",
    PersonNumber: person ? String(5_000_000 + index) : "",
    OrganizationBPName1: person ? "" : `${last} Supplies GmbH`,
    BusinessPartnerIsBlocked: h % 33 === 0,
    IsMarkedForArchiving: h % 97 === 0,
    CreationDate: dayOf(changed - (h % 500) * DAY),
    CreationTime: ((h >>> 4) % 86_400) as number,
    LastChangeDate: neverChanged ? null : dayOf(changed),
    LastChangeTime: neverChanged ? 0 : (changed % DAY) / 1000,
  };
}

/** The email of business partner `index`: `first.last@company` for 90% of persons. */
export function emailRow(seed: number, index: number): SapRow | undefined {
  const bp = businessPartnerRow(seed, index, 0);
  if (bp.BusinessPartnerCategory !== "1" || hash32(seed, index, 63) % 10 === 0) return undefined;
  const local = `${asciiFold(String(bp.FirstName))}.${asciiFold(String(bp.LastName))}.${index}`.toLowerCase();
  return {
    AddressID: String(20_000 + index),
    Person: String(bp.PersonNumber),
    OrdinalNumber: "1",
    IsDefaultEmailAddress: true,
    EmailAddress: `${local}@uslimato.example`,
    SearchEmailAddress: local.toUpperCase().slice(0, 20),
  };
}

/** The standard address of business partner `index` (A_BusinessPartnerAddress), linking to its email. */
export function addressRow(seed: number, index: number): SapRow {
  const h = hash32(seed, index, 64);
  return {
    BusinessPartner: String(1_000_000 + index),
    AddressID: String(20_000 + index),
    CityName: ["Berlin", "München", "Walldorf", "Madrid"][h % 4] as string,
    Country: h % 4 === 3 ? "ES" : "DE",
  };
}
