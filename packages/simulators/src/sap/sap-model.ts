import type { SapRow, SapServiceDefinition } from "./sap-entity-set";

/** Options of `createSapModel`. */
export interface SapModelOptions {
  seed?: number | string;
  /** Equipment records (API_EQUIPMENT). Default 100. */
  equipment?: number;
  /** Fixed assets (api_fixedasset). Default 100. */
  fixedAssets?: number;
  /** Business partners, 90% of them employees (role BUP003). Default 100. */
  employees?: number;
  clock?: () => Date;
}

/** The deterministic SAP system: generated rows plus an overlay of changes. */
export interface SapModel {
  readonly seed: number;
  readonly clock: () => Date;
  /** The OData services and their entity sets. */
  readonly services: SapServiceDefinition[];
  equipment(id: string): SapRow | undefined;
  addEquipment(patch?: SapRow): SapRow;
  /** Updates fields and stamps `LastChangeDateTime`. */
  updateEquipment(id: string, patch: SapRow): SapRow;
  markEquipmentDeleted(id: string): SapRow;
  fixedAsset(masterFixedAsset: string): SapRow | undefined;
  addFixedAsset(patch?: SapRow): SapRow;
  updateFixedAsset(masterFixedAsset: string, patch: SapRow): SapRow;
  businessPartner(id: string): SapRow | undefined;
  addEmployee(patch?: SapRow): SapRow;
  /** Updates fields and stamps `LastChangeDate` + `LastChangeTime`. */
  updateBusinessPartner(id: string, patch: SapRow): SapRow;
  blockBusinessPartner(id: string): SapRow;
}
