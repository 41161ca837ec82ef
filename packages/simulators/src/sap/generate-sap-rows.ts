import { asciiFold, GIVEN_NAMES, SURNAMES } from "../graph/model/names";
import { deterministicGuid } from "../random/deterministic-guid";
import { hash32 } from "../random/hash32";
import { localStamp } from "./local-stamp";
import type { SapRow } from "./sap-entity-set";

/** One day in ms. */
export const DAY = 86_400_000;
/** `9999-12-31`: the open end of a validity period. */
export const OPEN_END = Date.UTC(9999, 11, 31);
/** `9999-12-31T23:59:59Z`: the open end of a business partner role. */
export const OPEN_END_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59);

const PLANTS = ["1010", "1710", "2010"];
const COST_CENTERS = ["10101101", "10101201", "10101301", "17101101"];
const ASSET_CLASSES = ["3100", "3200", "4000"];
const MAKES: ReadonlyArray<readonly [string, string, string]> = [
  ["Lenovo", "ThinkPad T14", "20W0"],
  ["Dell", "Latitude 7440", "L7440"],
  ["HP", "EliteBook 840", "6F6Z"],
  ["Apple", "MacBook Pro", "MPHE3"],
  ["Zebra", "TC52", "TC520K"],
];
const CITIES = ["Berlin", "München", "Walldorf", "Madrid"];

/** Midnight UTC of a timestamp. */
const dayOf = (ms: number): number => Math.floor(ms / DAY) * DAY;

/** A change instant in the two years before `anchor`, whole seconds. */
function changedAt(seed: number, index: number, salt: number, anchor: number): number {
  return Math.floor((anchor - (hash32(seed, index, salt) % (730 * 86_400)) * 1000) / 1000) * 1000;
}

/** The validity fields of an equipment segment `[start, end]` (dates). */
export function equipmentValidity(start: number, end: number, sequence: number): SapRow {
  return {
    ValidityStartDate: start,
    ValidityEndDate: end,
    ValidityEndTime: 86_399,
    EquipmentValidityEndDateTime: end + 86_399_000,
    NextEquipUsagePeriodSqncNmbr: String(sequence).padStart(3, "0"),
  };
}

function equipmentPlace(h: number, index: number): SapRow {
  return {
    MaintenancePlant: PLANTS[(h >>> 12) % PLANTS.length] as string,
    AssetLocation: `R-${(h >>> 16) % 500}`,
    AssetRoom: `${(h >>> 4) % 40}.${(h >>> 9) % 20}`,
    Building: `B${(h >>> 20) % 9}`,
    Floor: String((h >>> 24) % 6),
    RoomNumber: String((h >>> 6) % 300),
    CompanyCode: "1010",
    MasterFixedAsset: index % 3 === 0 ? String(100_000 + index).padStart(12, "0") : "",
    FixedAsset: index % 3 === 0 ? "0000" : "",
    CostCenter: COST_CENTERS[(h >>> 8) % COST_CENTERS.length] as string,
    ControllingArea: "A000",
    FunctionalLocation: `1010-${PLANTS[(h >>> 12) % PLANTS.length]}-${(h >>> 16) % 50}`,
    SuperordinateEquipment: index % 11 === 5 ? String(10_000_000 + index - 1) : "",
  };
}

/**
 * Equipment `index` (API_EQUIPMENT, v2): its validity segments in key order. 70% have one segment (open to
 * 9999-12-31), 20% a past one and the current one, 10% also a future-dated one: then the row ending
 * 9999-12-31 is not the current one.
 */
export function equipmentSegments(seed: number, index: number, anchor: number, timeZone: string): SapRow[] {
  const h = hash32(seed, index, 41);
  const changed = changedAt(seed, index, 42, anchor);
  const [maker, model, part] = MAKES[h % MAKES.length] as readonly [string, string, string];
  const today = dayOf(anchor);
  const created = localStamp(changed, timeZone).day - (h % 1000) * DAY - 400 * DAY;
  const old = h % 100 === 7; // acquired before 1970: a negative /Date(...)/
  const header: SapRow = {
    Equipment: String(10_000_000 + index),
    EquipmentName: `${maker} ${model} #${index + 1}`,
    EquipmentCategory: h % 7 === 0 ? "P" : "M",
    TechnicalObjectType: h % 7 === 0 ? "PROD" : "IT-DEVICE",
    InventoryNumber: `INV-${String(index + 1).padStart(6, "0")}`,
    SerialNumber: `SN${(h >>> 3).toString(36).toUpperCase()}`,
    ManufacturerSerialNumber: `M${(h >>> 5).toString(16).toUpperCase()}`,
    AssetManufacturerName: maker,
    ManufacturerPartTypeName: model,
    ManufacturerPartNmbr: part,
    AcquisitionValue: ((h % 300_000) + 10_000) / 100,
    Currency: "EUR",
    AcquisitionDate: old ? Date.UTC(1965, h % 12, 1) : created,
    OperationStartDate: created + DAY,
    Material: h % 4 === 0 ? "" : `MAT-${h % 97}`,
    UniqueItemIdentifier: "",
    CreationDate: created,
    CreatedByUser: "CC_EQUIPMENT",
    LastChangedByUser: h % 3 === 0 ? "CB9980000012" : "CC_EQUIPMENT",
    LastChangeDateTime: changed,
    EquipmentIsMarkedForDeletion: h % 50 === 0,
    EquipmentIsInactive: h % 40 === 0,
    EquipmentIsInstalled: h % 5 !== 0,
    EquipmentIsAvailable: h % 5 === 0,
    EquipmentIsInWarehouse: h % 9 === 0,
    EquipmentIsAtCustomer: false,
  };
  const shape = (h >>> 27) % 10;
  const place = equipmentPlace(h, index);
  if (shape < 7) return [{ ...header, ...place, ...equipmentValidity(created, OPEN_END, 1) }];
  const split = today - ((h % 300) + 1) * DAY;
  const before = {
    ...header,
    ...equipmentPlace(hash32(seed, index, 43), index),
    ...equipmentValidity(created, split - DAY, 1),
  };
  if (shape < 9) return [before, { ...header, ...place, ...equipmentValidity(split, OPEN_END, 2) }];
  const future = today + (((h >>> 4) % 60) + 1) * DAY;
  return [
    before,
    { ...header, ...place, ...equipmentValidity(split, future - DAY, 2) },
    {
      ...header,
      ...equipmentPlace(hash32(seed, index, 44), index),
      ...equipmentValidity(future, OPEN_END, 3),
    },
  ];
}

/** The validity fields of a fixed asset assignment segment. */
export function assignmentValidity(start: number, end: number): SapRow {
  return { ValidityStartDate: start, ValidityEndDate: end };
}

function assignmentPlace(h: number): SapRow {
  return {
    CostCenter: COST_CENTERS[(h >>> 8) % COST_CENTERS.length] as string,
    ProfitCenter: `YB${(h >>> 10) % 900}`,
    Plant: PLANTS[(h >>> 12) % PLANTS.length] as string,
    AssetLocation: `R-${(h >>> 16) % 500}`,
    Room: `${(h >>> 4) % 40}.${(h >>> 9) % 20}`,
    VehicleLicensePlateNumber: "",
  };
}

/** Fixed asset `index` (api_fixedasset, v4): the main asset and, for 10%, a sub-number, with assignments. */
export function fixedAssetUnit(
  seed: number,
  index: number,
  anchor: number,
  companyCode: string,
  timeZone: string,
): { assets: SapRow[]; assignments: SapRow[] } {
  const h = hash32(seed, index, 51);
  const changed = changedAt(seed, index, 52, anchor);
  const [maker, model] = MAKES[h % MAKES.length] as readonly [string, string, string];
  const created = changed - (h % 1000) * DAY;
  const createdDay = localStamp(created, timeZone).day;
  const today = dayOf(anchor);
  const key = { CompanyCode: companyCode, MasterFixedAsset: String(100_000 + index).padStart(12, "0") };
  const asset = (sub: number): SapRow => ({
    ...key,
    FixedAsset: String(sub).padStart(4, "0"),
    AssetClass: ASSET_CLASSES[(h >>> 8) % ASSET_CLASSES.length] as string,
    FixedAssetDescription:
      sub === 0 ? `${maker} ${model} asset ${index + 1}` : `Docking station for asset ${index + 1}`,
    AssetAdditionalDescription: h % 3 === 0 ? "" : `Room ${(h >>> 4) % 300}`,
    AssetSerialNumber: `SN${(h >>> (3 + sub)).toString(36).toUpperCase()}`,
    Inventory: `INV-${String(index + 1).padStart(6, "0")}${sub === 0 ? "" : `-${sub}`}`,
    LastInventoryDate: h % 4 === 0 ? null : createdDay + 200 * DAY,
    AssetManufacturerName: maker,
    AssetTypeName: model,
    Supplier: String(17_300_000 + (h % 50)),
    AssetLifecycleStatus: h % 25 === 0 ? "D" : "A",
    IsMainAsset: sub === 0,
    CreationDate: createdDay,
    CreationDateTime: created,
    LastChangeDate: localStamp(changed, timeZone).day,
    LastChangeDateTime: changed,
    LastChangedByUser: "CC_FIXEDASSET",
  });
  const subs = h % 10 === 3 ? [0, 1] : [0];
  const assets = subs.map(asset);
  const assignments: SapRow[] = [];
  for (const sub of subs) {
    const own = { ...key, FixedAsset: String(sub).padStart(4, "0") };
    const g = hash32(seed, index * 4 + sub, 53);
    if (g % 5 !== 0) {
      assignments.push({ ...own, ...assignmentPlace(g), ...assignmentValidity(createdDay, OPEN_END) });
      continue;
    }
    const split = today - ((g % 200) + 1) * DAY;
    assignments.push({
      ...own,
      ...assignmentPlace(hash32(seed, index, 54)),
      ...assignmentValidity(createdDay, split - DAY),
    });
    if (g % 2 === 0) {
      assignments.push({ ...own, ...assignmentPlace(g), ...assignmentValidity(split, OPEN_END) });
    } else {
      const future = today + ((g % 40) + 1) * DAY;
      assignments.push({ ...own, ...assignmentPlace(g), ...assignmentValidity(split, future - DAY) });
      assignments.push({
        ...own,
        ...assignmentPlace(hash32(seed, index, 55)),
        ...assignmentValidity(future, OPEN_END),
      });
    }
  }
  return { assets, assignments };
}

/** A business partner with everything API_BUSINESS_PARTNER shows of it. */
export interface BusinessPartnerUnit {
  partner: SapRow;
  roles: SapRow[];
  employments: SapRow[];
  addresses: SapRow[];
  emails: SapRow[];
  /** When anything of it last changed (UTC ms), header or not: custom employee views show this. */
  changedMs: number;
}

/** Role, employment and address keys of business partner `index`. */
export const bpIds = (index: number) => ({
  BusinessPartner: String(1_000_000 + index),
  Person: String(5_000_000 + index),
  AddressID: String(20_000_000 + index),
});

/** The header stamp fields of a business partner changed at `ms`, in the system time zone. */
export function partnerStamp(ms: number, timeZone: string): SapRow {
  const local = localStamp(ms, timeZone);
  return { LastChangeDate: local.day, LastChangeTime: local.seconds };
}

/** The e-mail row of a business partner's address. */
export function emailRow(index: number, email: string, ordinal: number, isDefault: boolean): SapRow {
  const ids = bpIds(index);
  return {
    AddressID: ids.AddressID,
    Person: ids.Person,
    OrdinalNumber: String(ordinal),
    IsDefaultEmailAddress: isDefault,
    EmailAddress: email,
    SearchEmailAddress: email.toUpperCase().slice(0, 20),
  };
}

/**
 * Business partner `index` (API_BUSINESS_PARTNER, v2): 90% persons (employees: role BUP003, an employment,
 * usually an e-mail), 10% organisations (customer/supplier roles). Some employees have left (employment end
 * and role end in the past), some leave in the future, some were rehired (two employments), some have two
 * e-mails where the second is the default, 5% were never changed (no `LastChangeDate`).
 */
export function businessPartnerUnit(
  seed: number,
  index: number,
  anchor: number,
  timeZone: string,
): BusinessPartnerUnit {
  const h = hash32(seed, index, 61);
  const person = index % 10 !== 9;
  const first = GIVEN_NAMES[h % GIVEN_NAMES.length] as string;
  const last = SURNAMES[(h >>> 8) % SURNAMES.length] as string;
  const changed = changedAt(seed, index, 62, anchor);
  const neverChanged = h % 20 === 0;
  const created = neverChanged ? changed : changed - (h % 500) * DAY - ((h >>> 3) % 86_400) * 1000;
  const createdLocal = localStamp(created, timeZone);
  const ids = bpIds(index);
  const partner: SapRow = {
    BusinessPartner: ids.BusinessPartner,
    BusinessPartnerUUID: deterministicGuid(seed, 9, index),
    BusinessPartnerCategory: person ? "1" : "2",
    BusinessPartnerGrouping: person ? "BPEE" : "BP02",
    BusinessPartnerFullName: person ? `${first} ${last}` : `${last} Supplies GmbH`,
    FirstName: person ? first : "",
    LastName: person ? last : "",
    PersonFullName: person ? `${first} ${last}` : "",
    PersonNumber: person ? ids.Person : "",
    OrganizationBPName1: person ? "" : `${last} Supplies GmbH`,
    BusinessPartnerIsBlocked: h % 33 === 0,
    IsMarkedForArchiving: h % 97 === 0,
    CreatedByUser: "CC_WORKFORCE",
    CreationDate: createdLocal.day,
    CreationTime: createdLocal.seconds,
    LastChangedByUser: neverChanged ? "" : "CC_WORKFORCE",
    LastChangeDate: neverChanged ? null : localStamp(changed, timeZone).day,
    LastChangeTime: neverChanged ? 0 : localStamp(changed, timeZone).seconds,
  };
  const today = dayOf(anchor);
  const roles: SapRow[] = [];
  const employments: SapRow[] = [];
  const emails: SapRow[] = [];
  const startDay = createdLocal.day;
  if (person) {
    const left = h % 30 === 4 ? Math.min(today - (((h >>> 5) % 90) + 1) * DAY, dayOf(changed)) : null;
    const leaves = h % 30 === 5 ? today + (((h >>> 5) % 60) + 1) * DAY : null;
    const end = left ?? leaves;
    if (h % 5 === 1)
      roles.push({
        BusinessPartner: ids.BusinessPartner,
        BusinessPartnerRole: "BUP001",
        ValidFrom: created,
        ValidTo: OPEN_END_INSTANT,
      });
    roles.push({
      BusinessPartner: ids.BusinessPartner,
      BusinessPartnerRole: "BUP003",
      ValidFrom: startDay,
      ValidTo: end === null ? OPEN_END_INSTANT : end + 86_399_000,
    });
    if (h % 25 === 2) {
      employments.push({
        BusinessPartner: ids.BusinessPartner,
        BPEmploymentStartDate: startDay - 900 * DAY,
        BPEmploymentEndDate: startDay - 400 * DAY,
        BPEmploymentStatus: "0",
      });
    }
    employments.push({
      BusinessPartner: ids.BusinessPartner,
      BPEmploymentStartDate: startDay,
      BPEmploymentEndDate: end,
      BPEmploymentStatus: left === null ? "1" : "0",
    });
    const e = hash32(seed, index, 63);
    if (e % 10 !== 0) {
      const local = `${asciiFold(first)}.${asciiFold(last)}.${index}`.toLowerCase();
      const email = `${e % 17 === 0 ? local.charAt(0).toUpperCase() + local.slice(1) : local}@uslimato.example`;
      if (e % 20 === 3) {
        emails.push(
          emailRow(index, `${local}.old@uslimato.example`, 1, false),
          emailRow(index, email, 2, true),
        );
      } else emails.push(emailRow(index, email, 1, true));
    }
  } else {
    roles.push({
      BusinessPartner: ids.BusinessPartner,
      BusinessPartnerRole: "FLVN00",
      ValidFrom: created,
      ValidTo: OPEN_END_INSTANT,
    });
  }
  const addresses: SapRow[] = [
    {
      BusinessPartner: ids.BusinessPartner,
      AddressID: ids.AddressID,
      ValidityStartDate: created,
      ValidityEndDate: OPEN_END_INSTANT,
      CityName: CITIES[h % 4] as string,
      Country: h % 4 === 3 ? "ES" : "DE",
    },
  ];
  return { partner, roles, employments, addresses, emails, changedMs: changed };
}
