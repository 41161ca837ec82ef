import { SimulatorError } from "../errors/simulator-error";
import { seedToNumber } from "../random/seed-to-number";
import {
  addressRow,
  businessPartnerRow,
  dayOf,
  emailRow,
  equipmentRow,
  fixedAssetRow,
} from "./generate-sap-rows";
import type { SapEntitySet, SapKind, SapRow } from "./sap-entity-set";
import type { SapModel, SapModelOptions } from "./sap-model";

const EQUIPMENT_KINDS: Record<string, SapKind> = {
  Equipment: "string",
  ValidityEndDate: "dateTime",
  EquipmentName: "string",
  InventoryNumber: "string",
  SerialNumber: "string",
  ManufacturerSerialNumber: "string",
  AcquisitionDate: "dateTime",
  AcquisitionValue: "decimal",
  Currency: "string",
  CostCenter: "string",
  ControllingArea: "string",
  CompanyCode: "string",
  MasterFixedAsset: "string",
  FixedAsset: "string",
  MaintenancePlant: "string",
  AssetLocation: "string",
  CreationDate: "dateTime",
  LastChangeDateTime: "dateTimeOffset",
  EquipmentIsMarkedForDeletion: "boolean",
  EquipmentIsInactive: "boolean",
};
const ASSET_KINDS: Record<string, SapKind> = {
  CompanyCode: "string",
  MasterFixedAsset: "string",
  FixedAsset: "string",
  FixedAssetDescription: "string",
  AssetAdditionalDescription: "string",
  AssetSerialNumber: "string",
  Inventory: "string",
  AssetClass: "string",
  AssetLifecycleStatus: "string",
  Supplier: "string",
  CreationDateTime: "dateTimeOffset",
  LastChangeDate: "date",
  LastChangeDateTime: "dateTimeOffset",
};
const BP_KINDS: Record<string, SapKind> = {
  BusinessPartner: "string",
  BusinessPartnerCategory: "string",
  BusinessPartnerFullName: "string",
  FirstName: "string",
  LastName: "string",
  PersonFullName: "string",
  PersonNumber: "string",
  OrganizationBPName1: "string",
  BusinessPartnerIsBlocked: "boolean",
  IsMarkedForArchiving: "boolean",
  CreationDate: "dateTime",
  CreationTime: "time",
  LastChangeDate: "dateTime",
  LastChangeTime: "time",
};

/**
 * Creates the deterministic SAP S/4HANA model: equipment, fixed assets and employee business partners
 * (with BUP003 roles, addresses and emails), generated lazily from the seed, plus an overlay of changes.
 *
 * @example
 * ```ts
 * const sap = createSapModel({ seed: 1, equipment: 10_000 });
 * sap.updateEquipment("10000000", { CostCenter: "10101201" });
 * ```
 */
export function createSapModel(options: SapModelOptions = {}): SapModel {
  const seed = seedToNumber(options.seed);
  const clock = options.clock ?? (() => new Date());
  const anchor = Math.floor(clock().getTime() / 1000) * 1000;
  const base = {
    equipment: options.equipment ?? 100,
    assets: options.fixedAssets ?? 100,
    bps: options.employees ?? 100,
  };
  const added = { equipment: 0, assets: 0, bps: 0 };
  const overlay = {
    equipment: new Map<number, SapRow>(),
    assets: new Map<number, SapRow>(),
    bps: new Map<number, SapRow>(),
  };

  const rowOf = (kind: keyof typeof base, index: number, make: (i: number) => SapRow): SapRow | undefined => {
    const changed = overlay[kind].get(index);
    if (changed) return changed;
    return index >= 0 && index < base[kind] ? make(index) : undefined;
  };
  const equipment = (i: number) => rowOf("equipment", i, (n) => equipmentRow(seed, n, anchor));
  const asset = (i: number) => rowOf("assets", i, (n) => fixedAssetRow(seed, n, anchor));
  const bp = (i: number) => rowOf("bps", i, (n) => businessPartnerRow(seed, n, anchor));

  const set = (
    name: string,
    typeName: string,
    properties: Record<string, SapKind>,
    keys: string[],
    count: () => number,
    row: (i: number) => SapRow | undefined,
  ): SapEntitySet => ({ name, typeName, properties, keys, count, row });
  const bpCount = () => base.bps + added.bps;
  const person = (i: number) => bp(i)?.BusinessPartnerCategory === "1";

  function indexOf(kind: keyof typeof base, id: string, offset: number): number {
    const index = Number(id) - offset;
    if (!Number.isInteger(index) || index < 0 || index >= base[kind] + added[kind]) {
      throw new SimulatorError("NOT_FOUND", `No SAP record ${id}`);
    }
    return index;
  }
  function write(
    kind: keyof typeof base,
    index: number,
    row: SapRow | undefined,
    patch: SapRow,
    stamp: SapRow,
  ): SapRow {
    if (!row) throw new SimulatorError("NOT_FOUND", `No SAP record ${index}`);
    const next = { ...row, ...stamp, ...patch };
    overlay[kind].set(index, next);
    return next;
  }
  const nowMs = () => Math.floor(clock().getTime() / 1000) * 1000;
  const bpStamp = (): SapRow => ({
    LastChangeDate: dayOf(nowMs()),
    LastChangeTime: (nowMs() - dayOf(nowMs())) / 1000,
  });

  const model: SapModel = {
    seed,
    clock,
    services: [
      {
        path: "/sap/opu/odata/sap/API_EQUIPMENT",
        version: "v2",
        sets: [
          set(
            "Equipment",
            "API_EQUIPMENT.A_EquipmentType",
            EQUIPMENT_KINDS,
            ["Equipment", "ValidityEndDate"],
            () => base.equipment + added.equipment,
            equipment,
          ),
        ],
      },
      {
        path: "/sap/opu/odata4/sap/api_fixedasset/srvd_a2x/sap/fixedasset/0001",
        version: "v4",
        sets: [
          set(
            "FixedAsset",
            "com.sap.gateway.srvd_a2x.api_fixedasset.v0001.FixedAssetType",
            ASSET_KINDS,
            ["CompanyCode", "MasterFixedAsset", "FixedAsset"],
            () => base.assets + added.assets,
            asset,
          ),
        ],
      },
      {
        path: "/sap/opu/odata/sap/API_BUSINESS_PARTNER",
        version: "v2",
        sets: [
          set(
            "A_BusinessPartner",
            "API_BUSINESS_PARTNER.A_BusinessPartnerType",
            BP_KINDS,
            ["BusinessPartner"],
            bpCount,
            bp,
          ),
          set(
            "A_BusinessPartnerRole",
            "API_BUSINESS_PARTNER.A_BusinessPartnerRoleType",
            {
              BusinessPartner: "string",
              BusinessPartnerRole: "string",
              ValidFrom: "dateTimeOffset",
              ValidTo: "dateTimeOffset",
            },
            ["BusinessPartner", "BusinessPartnerRole"],
            bpCount,
            (i) =>
              person(i)
                ? {
                    BusinessPartner: String(1_000_000 + i),
                    BusinessPartnerRole: "BUP003",
                    ValidFrom: Number(bp(i)?.CreationDate ?? 0),
                    ValidTo: Date.UTC(9999, 11, 31, 23, 59, 59),
                  }
                : undefined,
          ),
          set(
            "A_BusinessPartnerAddress",
            "API_BUSINESS_PARTNER.A_BusinessPartnerAddressType",
            { BusinessPartner: "string", AddressID: "string", CityName: "string", Country: "string" },
            ["BusinessPartner", "AddressID"],
            bpCount,
            (i) => (bp(i) ? addressRow(seed, i) : undefined),
          ),
          set(
            "A_AddressEmailAddress",
            "API_BUSINESS_PARTNER.A_AddressEmailAddressType",
            {
              AddressID: "string",
              Person: "string",
              OrdinalNumber: "string",
              IsDefaultEmailAddress: "boolean",
              EmailAddress: "string",
              SearchEmailAddress: "string",
            },
            ["AddressID", "Person", "OrdinalNumber"],
            bpCount,
            (i) =>
              i < base.bps
                ? emailRow(seed, i)
                : overlay.bps.get(i)?.EmailAddress
                  ? {
                      AddressID: String(20_000 + i),
                      Person: String(5_000_000 + i),
                      OrdinalNumber: "1",
                      IsDefaultEmailAddress: true,
                      EmailAddress: overlay.bps.get(i)?.EmailAddress ?? null,
                      SearchEmailAddress: "",
                    }
                  : undefined,
          ),
        ],
      },
    ],
    equipment: (id) => equipment(Number(id) - 10_000_000),
    addEquipment(patch = {}) {
      const index = base.equipment + added.equipment++;
      return write(
        "equipment",
        index,
        equipmentRow(seed, index, nowMs()),
        { ...patch, Equipment: String(10_000_000 + index) },
        { LastChangeDateTime: nowMs() },
      );
    },
    updateEquipment(id, patch) {
      const index = indexOf("equipment", id, 10_000_000);
      return write("equipment", index, equipment(index), patch, { LastChangeDateTime: nowMs() });
    },
    markEquipmentDeleted(id) {
      return model.updateEquipment(id, { EquipmentIsMarkedForDeletion: true });
    },
    fixedAsset: (key) => asset(Number(key) - 100_000),
    addFixedAsset(patch = {}) {
      const index = base.assets + added.assets++;
      return write(
        "assets",
        index,
        fixedAssetRow(seed, index, nowMs()),
        { ...patch, MasterFixedAsset: String(100_000 + index).padStart(12, "0") },
        { LastChangeDateTime: nowMs(), LastChangeDate: dayOf(nowMs()) },
      );
    },
    updateFixedAsset(key, patch) {
      const index = indexOf("assets", key, 100_000);
      return write("assets", index, asset(index), patch, {
        LastChangeDateTime: nowMs(),
        LastChangeDate: dayOf(nowMs()),
      });
    },
    businessPartner: (id) => bp(Number(id) - 1_000_000),
    addEmployee(patch = {}) {
      const index = base.bps + added.bps++;
      const row = {
        ...businessPartnerRow(seed, index - (index % 10 === 9 ? 1 : 0), nowMs()),
        BusinessPartnerCategory: "1",
      };
      return write(
        "bps",
        index,
        row,
        { ...patch, BusinessPartner: String(1_000_000 + index), PersonNumber: String(5_000_000 + index) },
        { ...bpStamp(), CreationDate: dayOf(nowMs()) },
      );
    },
    updateBusinessPartner(id, patch) {
      const index = indexOf("bps", id, 1_000_000);
      return write("bps", index, bp(index), patch, bpStamp());
    },
    blockBusinessPartner(id) {
      return model.updateBusinessPartner(id, { BusinessPartnerIsBlocked: true });
    },
  };
  return model;
}
