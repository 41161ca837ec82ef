import type { SapKind } from "./sap-entity-set";

/** `API_EQUIPMENT` `Equipment` (A_EquipmentType). */
export const EQUIPMENT_PROPERTIES: Record<string, SapKind> = {
  Equipment: "string",
  ValidityEndDate: "dateTime",
  ValidityEndTime: "time",
  ValidityStartDate: "dateTime",
  EquipmentValidityEndDateTime: "dateTimeOffset",
  NextEquipUsagePeriodSqncNmbr: "string",
  EquipmentName: "string",
  EquipmentCategory: "string",
  TechnicalObjectType: "string",
  InventoryNumber: "string",
  SerialNumber: "string",
  ManufacturerSerialNumber: "string",
  AssetManufacturerName: "string",
  ManufacturerPartTypeName: "string",
  ManufacturerPartNmbr: "string",
  AcquisitionValue: "decimal",
  Currency: "string",
  AcquisitionDate: "dateTime",
  OperationStartDate: "dateTime",
  MaintenancePlant: "string",
  AssetLocation: "string",
  AssetRoom: "string",
  Building: "string",
  Floor: "string",
  RoomNumber: "string",
  CostCenter: "string",
  ControllingArea: "string",
  CompanyCode: "string",
  MasterFixedAsset: "string",
  FixedAsset: "string",
  FunctionalLocation: "string",
  SuperordinateEquipment: "string",
  Material: "string",
  UniqueItemIdentifier: "string",
  CreationDate: "dateTime",
  CreatedByUser: "string",
  LastChangedByUser: "string",
  LastChangeDateTime: "dateTimeOffset",
  EquipmentIsMarkedForDeletion: "boolean",
  EquipmentIsInactive: "boolean",
  EquipmentIsInstalled: "boolean",
  EquipmentIsAvailable: "boolean",
  EquipmentIsInWarehouse: "boolean",
  EquipmentIsAtCustomer: "boolean",
};

/** `API_EQUIPMENT` `EquipmentPartner` (the equipment's partner functions, navigation `to_Partner`). */
export const EQUIPMENT_PARTNER_PROPERTIES: Record<string, SapKind> = {
  Equipment: "string",
  PartnerFunction: "string",
  EquipmentPartnerObjectNmbr: "string",
  Partner: "string",
  CreatedByUser: "string",
  CreationDate: "dateTime",
};

/** Equipment fields that belong to a validity segment (the rest is the equipment header, the same in all). */
export const EQUIPMENT_SEGMENT_FIELDS = new Set([
  "MaintenancePlant",
  "AssetLocation",
  "AssetRoom",
  "Building",
  "Floor",
  "RoomNumber",
  "CostCenter",
  "ControllingArea",
  "CompanyCode",
  "MasterFixedAsset",
  "FixedAsset",
  "FunctionalLocation",
  "SuperordinateEquipment",
]);

/** `api_fixedasset` `FixedAsset`. */
export const FIXED_ASSET_PROPERTIES: Record<string, SapKind> = {
  CompanyCode: "string",
  MasterFixedAsset: "string",
  FixedAsset: "string",
  AssetClass: "string",
  FixedAssetDescription: "string",
  AssetAdditionalDescription: "string",
  AssetSerialNumber: "string",
  Inventory: "string",
  LastInventoryDate: "date",
  AssetManufacturerName: "string",
  AssetTypeName: "string",
  Supplier: "string",
  AssetLifecycleStatus: "string",
  IsMainAsset: "boolean",
  CreationDate: "date",
  CreationDateTime: "dateTimeOffset",
  LastChangeDate: "date",
  LastChangeDateTime: "dateTimeOffset",
  LastChangedByUser: "string",
};

/** `api_fixedasset` `FixedAssetAssignment` (time-dependent). */
export const ASSIGNMENT_PROPERTIES: Record<string, SapKind> = {
  CompanyCode: "string",
  MasterFixedAsset: "string",
  FixedAsset: "string",
  ValidityEndDate: "date",
  ValidityStartDate: "date",
  CostCenter: "string",
  ProfitCenter: "string",
  Plant: "string",
  AssetLocation: "string",
  Room: "string",
  VehicleLicensePlateNumber: "string",
};

/** `API_BUSINESS_PARTNER` `A_BusinessPartner`. */
export const PARTNER_PROPERTIES: Record<string, SapKind> = {
  BusinessPartner: "string",
  BusinessPartnerUUID: "guid",
  BusinessPartnerCategory: "string",
  BusinessPartnerGrouping: "string",
  BusinessPartnerFullName: "string",
  FirstName: "string",
  LastName: "string",
  PersonFullName: "string",
  PersonNumber: "string",
  OrganizationBPName1: "string",
  BusinessPartnerIsBlocked: "boolean",
  IsMarkedForArchiving: "boolean",
  CreatedByUser: "string",
  CreationDate: "dateTime",
  CreationTime: "time",
  LastChangedByUser: "string",
  LastChangeDate: "dateTime",
  LastChangeTime: "time",
};

/** `A_BusinessPartnerRole`. */
export const ROLE_PROPERTIES: Record<string, SapKind> = {
  BusinessPartner: "string",
  BusinessPartnerRole: "string",
  ValidFrom: "dateTimeOffset",
  ValidTo: "dateTimeOffset",
};

/** `A_BPEmployment`. */
export const EMPLOYMENT_PROPERTIES: Record<string, SapKind> = {
  BusinessPartner: "string",
  BPEmploymentStartDate: "dateTime",
  BPEmploymentEndDate: "dateTime",
  BPEmploymentStatus: "string",
};

/** `A_BusinessPartnerAddress`. */
export const ADDRESS_PROPERTIES: Record<string, SapKind> = {
  BusinessPartner: "string",
  AddressID: "string",
  ValidityStartDate: "dateTimeOffset",
  ValidityEndDate: "dateTimeOffset",
  CityName: "string",
  Country: "string",
};

/** `A_AddressEmailAddress`. */
export const EMAIL_PROPERTIES: Record<string, SapKind> = {
  AddressID: "string",
  Person: "string",
  OrdinalNumber: "string",
  IsDefaultEmailAddress: "boolean",
  EmailAddress: "string",
  SearchEmailAddress: "string",
};

/** `MaxLength` of the string properties that have one in the real services' metadata. */
export const MAX_LENGTHS: Record<string, number> = {
  Equipment: 18,
  PartnerFunction: 2,
  EquipmentPartnerObjectNmbr: 6,
  Partner: 12,
  SerialNumber: 18,
  InventoryNumber: 25,
  EquipmentName: 40,
  CostCenter: 10,
  ControllingArea: 4,
  CompanyCode: 4,
  MasterFixedAsset: 12,
  FixedAsset: 4,
  MaintenancePlant: 4,
  Plant: 4,
  BusinessPartner: 10,
  BusinessPartnerRole: 6,
  BusinessPartnerCategory: 1,
  AddressID: 10,
  Person: 10,
  OrdinalNumber: 3,
  EmailAddress: 241,
  SearchEmailAddress: 20,
  BPEmploymentStatus: 2,
  FirstName: 40,
  LastName: 40,
  PersonFullName: 80,
  Currency: 5,
};
