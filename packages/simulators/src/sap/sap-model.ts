import type { SapRow, SapServiceDefinition } from "./sap-entity-set";

/** Field names of the custom employee entity set (each configurable, as customers name them freely). */
export interface SapCustomEmployeeFields {
  /** Key. Default `WorkforcePersonExternalID`. */
  id: string;
  businessPartner: string;
  firstName: string;
  lastName: string;
  fullName: string;
  /** Default `DefaultEmailAddress`. */
  email: string;
  /** Changed-at, an `Edm.DateTimeOffset` that moves with any change of the person, e-mail included. */
  changedAt: string;
  /** End of employment (date, null while employed). Default `EmploymentEndDate`. */
  endDate: string;
  /** Default `IsBlocked`. */
  blocked: string;
}

/** A custom employee view as many S/4HANA Cloud customers publish it (e.g. a `YY1_` CDS view on I_WorkforcePerson). */
export interface SapCustomEmployeesOptions {
  /** OData version. Default `v2`. */
  version?: "v2" | "v4";
  /** Service path. Default `/sap/opu/odata/sap/YY1_WORKFORCEPERSON_CDS` (v2) or `/sap/opu/odata4/sap/yy1_workforceperson/srvd_a2x/sap/yy1_workforceperson/0001` (v4). */
  path?: string;
  /** Entity set. Default `YY1_WorkforcePerson`. */
  entitySet?: string;
  fields?: Partial<SapCustomEmployeeFields>;
}

/** A person seeded into the generated employees (see {@link SapModelOptions.people}). */
export interface SapPerson {
  firstName: string;
  lastName: string;
  email: string;
}

/** Options of `createSapModel`. */
export interface SapModelOptions {
  seed?: number | string;
  /**
   * Equipment numbers (API_EQUIPMENT; 30% have several validity segments; 90% have a person responsible, partner
   * function `VW`, among the generated business partners, some an extra `AB` partner). Default 100.
   */
  equipment?: number;
  /** Fixed assets (api_fixedasset; 10% with a sub-number). Default 100. */
  fixedAssets?: number;
  /** Business partners, 90% of them employees (role BUP003). Default 100. */
  employees?: number;
  clock?: () => Date;
  /**
   * Time zone of the system: business partner `LastChangeDate` + `LastChangeTime`, `CreationDate` +
   * `CreationTime` and all `Edm.DateTime` dates are local to it (`Edm.DateTimeOffset` stays UTC). Default `UTC`.
   */
  systemTimeZone?: string;
  /**
   * Whether an address or e-mail change moves the business partner's `LastChangeDate` + `LastChangeTime`.
   * Unconfirmed on real systems; default `false` (the harder case: the change is invisible to a header filter).
   */
  addressChangesStampPartner?: boolean;
  /**
   * Whether a partner change (`setEquipmentPartner`) moves the equipment's `LastChangeDateTime`. Unconfirmed on
   * real systems; default `false` (the harder case: an incremental read does not see the change).
   */
  partnerChangesStampEquipment?: boolean;
  /**
   * People who are also in another system (e.g. users of the Graph simulator): the first generated persons take
   * their names and e-mail (as their only, default address), in order, so the same people are employees here and
   * users there. Their roles, employments and flags stay generated. Default none.
   */
  people?: ReadonlyArray<SapPerson>;
  /** The custom employee entity set; `false` to leave it out. Default a v2 `YY1_WorkforcePerson`. */
  customEmployees?: SapCustomEmployeesOptions | false;
}

/** The deterministic SAP system: generated rows plus an overlay of changes. Dates are `YYYY-MM-DD`. */
export interface SapModel {
  readonly seed: number;
  readonly clock: () => Date;
  readonly systemTimeZone: string;
  /** The OData services and their entity sets. */
  readonly services: SapServiceDefinition[];
  /** The current validity segment of an equipment (start <= today <= end), or undefined. */
  equipment(id: string): SapRow | undefined;
  /** All validity segments of an equipment in key order. */
  equipmentSegments(id: string): SapRow[];
  addEquipment(patch?: SapRow): SapRow;
  /** The partners of an equipment (`EquipmentPartner`, navigation `to_Partner`) in key order. */
  equipmentPartners(id: string): SapRow[];
  /**
   * Replaces the partners of one function (e.g. `VW`, person responsible) with `partner` (counter 1), or removes
   * them (`null`); moves `LastChangeDateTime` only with `partnerChangesStampEquipment`. Returns all its partners.
   */
  setEquipmentPartner(id: string, partnerFunction: string, partner: string | null): SapRow[];
  /** Updates fields (segment fields in the current segment only) and stamps `LastChangeDateTime` on all. */
  updateEquipment(id: string, patch: SapRow): SapRow;
  /** A new validity segment from `validFrom`: the segment covering that day is split; stamps the header. */
  changeEquipmentFrom(id: string, validFrom: string, patch: SapRow): SapRow;
  markEquipmentDeleted(id: string): SapRow;
  deactivateEquipment(id: string): SapRow;
  /** Physically deletes an equipment (all segments): no flag, no stamp, just gone. */
  deleteEquipment(id: string): void;
  /** The main asset (sub-number `0000`) of a master fixed asset number, or undefined. */
  fixedAsset(masterFixedAsset: string): SapRow | undefined;
  /** The time-dependent assignments (cost center, plant, room) of an asset. */
  fixedAssetAssignments(masterFixedAsset: string, subNumber?: string): SapRow[];
  addFixedAsset(patch?: SapRow): SapRow;
  updateFixedAsset(masterFixedAsset: string, patch: SapRow): SapRow;
  /** A new assignment segment from `validFrom` (e.g. the asset moves room); stamps the asset. */
  changeFixedAssetAssignment(
    masterFixedAsset: string,
    validFrom: string,
    patch: SapRow,
    subNumber?: string,
  ): SapRow;
  deleteFixedAsset(masterFixedAsset: string): void;
  businessPartner(id: string): SapRow | undefined;
  /** Roles, employments, addresses and e-mails of a business partner. */
  businessPartnerParts(id: string): {
    roles: SapRow[];
    employments: SapRow[];
    addresses: SapRow[];
    emails: SapRow[];
  };
  /** A new employee (person with role BUP003, an employment from today and `EmailAddress` if given). */
  addEmployee(patch?: SapRow): SapRow;
  /** Updates header fields and stamps `LastChangeDate` + `LastChangeTime`. */
  updateBusinessPartner(id: string, patch: SapRow): SapRow;
  blockBusinessPartner(id: string): SapRow;
  markBusinessPartnerForArchiving(id: string): SapRow;
  /** Replaces the default e-mail; moves the header stamp only with `addressChangesStampPartner`. */
  changeEmail(id: string, email: string): SapRow;
  /** The employee leaves: employment end date and (unless `endRole: false`) the BUP003 role's `ValidTo`. */
  endEmployment(id: string, endDate: string, options?: { endRole?: boolean }): SapRow;
  deleteBusinessPartner(id: string): void;
}
