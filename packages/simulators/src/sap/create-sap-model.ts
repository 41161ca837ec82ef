import { SimulatorError } from "../errors/simulator-error";
import { seedToNumber } from "../random/seed-to-number";
import { customEmployeeService } from "./custom-employee-set";
import { equipmentPartnerRow, equipmentPartners } from "./equipment-partners";
import {
  assignmentValidity,
  type BusinessPartnerUnit,
  bpIds,
  businessPartnerUnit,
  DAY,
  emailRow,
  equipmentSegments,
  equipmentValidity,
  fixedAssetUnit,
  OPEN_END,
  OPEN_END_INSTANT,
  partnerStamp,
} from "./generate-sap-rows";
import { localStamp } from "./local-stamp";
import type { SapEntitySet, SapKind, SapNavigation, SapRow, SapServiceDefinition } from "./sap-entity-set";
import type { SapModel, SapModelOptions, SapPerson } from "./sap-model";
import {
  ADDRESS_PROPERTIES,
  ASSIGNMENT_PROPERTIES,
  EMAIL_PROPERTIES,
  EMPLOYMENT_PROPERTIES,
  EQUIPMENT_PARTNER_PROPERTIES,
  EQUIPMENT_PROPERTIES,
  EQUIPMENT_SEGMENT_FIELDS,
  FIXED_ASSET_PROPERTIES,
  MAX_LENGTHS,
  PARTNER_PROPERTIES,
  ROLE_PROPERTIES,
} from "./sap-properties";

type AssetUnit = { assets: SapRow[]; assignments: SapRow[] };

function parseDay(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms))
    throw new SimulatorError("INVALID_OPTION", `Expected a date YYYY-MM-DD, got '${text}'`);
  return ms;
}

/** Splits the segment covering `from` and patches the part from `from` on; returns the new list and its index. */
function splitSegments(
  segments: SapRow[],
  from: number,
  validity: (start: number, end: number, sequence: number) => SapRow,
  patch: SapRow,
): { rows: SapRow[]; at: number } {
  const at = segments.findIndex(
    (s) => Number(s.ValidityStartDate) <= from && from <= Number(s.ValidityEndDate),
  );
  if (at === -1) throw new SimulatorError("INVALID_STATE", "No validity segment covers that date");
  const rows = segments.slice();
  const seg = rows[at] as SapRow;
  if (Number(seg.ValidityStartDate) === from) {
    rows[at] = { ...seg, ...patch };
    return { rows, at };
  }
  rows.splice(
    at,
    1,
    { ...seg, ...validity(Number(seg.ValidityStartDate), from - DAY, 0) },
    { ...seg, ...patch, ...validity(from, Number(seg.ValidityEndDate), 0) },
  );
  return {
    rows: rows.map((r, i) => ({
      ...r,
      ...validity(Number(r.ValidityStartDate), Number(r.ValidityEndDate), i + 1),
    })),
    at: at + 1,
  };
}

/** Business partner index -> seeded person: the persons (every index but each tenth, an organisation) in order. */
function seededPeople(people: ReadonlyArray<SapPerson>, count: number): Map<number, SapPerson> {
  const out = new Map<number, SapPerson>();
  for (let i = 0, next = 0; i < count && next < people.length; i++)
    if (i % 10 !== 9) out.set(i, people[next++] as SapPerson);
  return out;
}

/** A generated person with a seeded name and e-mail. */
function withPerson(unit: BusinessPartnerUnit, index: number, person: SapPerson): BusinessPartnerUnit {
  const full = `${person.firstName} ${person.lastName}`;
  return {
    ...unit,
    partner: {
      ...unit.partner,
      FirstName: person.firstName,
      LastName: person.lastName,
      BusinessPartnerFullName: full,
      PersonFullName: full,
    },
    emails: [emailRow(index, person.email, 1, true)],
  };
}

/**
 * Creates the deterministic SAP S/4HANA model: time-dependent equipment with their partners (person
 * responsible), fixed assets with time-dependent assignments, business partners (persons with role BUP003,
 * employments, addresses, e-mails) and a custom employee view, generated lazily from the seed (O(1) per row),
 * plus an overlay of changes.
 *
 * @example
 * ```ts
 * const sap = createSapModel({ seed: 1, equipment: 10_000, systemTimeZone: "Europe/Berlin" });
 * sap.updateEquipment("10000000", { CostCenter: "10101201" });
 * sap.changeEmail("1000001", "new.address@uslimato.example");
 * sap.setEquipmentPartner("10000000", "VW", "1000002");
 * ```
 */
export function createSapModel(options: SapModelOptions = {}): SapModel {
  const seed = seedToNumber(options.seed);
  const clock = options.clock ?? (() => new Date());
  const tz = options.systemTimeZone ?? "UTC";
  localStamp(0, tz); // an unknown zone fails here, not at the first request
  const anchor = Math.floor(clock().getTime() / 1000) * 1000;
  const base = {
    equipment: options.equipment ?? 100,
    assets: options.fixedAssets ?? 100,
    bps: options.employees ?? 100,
  };
  const added = { equipment: 0, assets: 0, bps: 0 };
  const firstPlantTwo = Math.ceil(base.assets * 0.6);
  const people = seededPeople(options.people ?? [], base.bps);
  const equipmentOverlay = new Map<number, SapRow[]>();
  const partnerOverlay = new Map<number, SapRow[]>();
  const assetOverlay = new Map<number, AssetUnit>();
  const bpOverlay = new Map<number, BusinessPartnerUnit | null>();
  const total = (kind: keyof typeof base) => base[kind] + added[kind];

  const equipmentUnit = (i: number): SapRow[] =>
    equipmentOverlay.get(i) ?? (i >= 0 && i < base.equipment ? equipmentSegments(seed, i, anchor, tz) : []);
  /** The partners of an equipment (none once it is deleted): generated, or as last set. */
  const partnerUnit = (i: number): SapRow[] => {
    const header = equipmentUnit(i)[0];
    if (!header) return [];
    return partnerOverlay.get(i) ?? equipmentPartners(seed, i, header, base.bps);
  };
  const assetUnit = (i: number): AssetUnit =>
    assetOverlay.get(i) ??
    (i >= 0 && i < base.assets
      ? fixedAssetUnit(seed, i, anchor, i < firstPlantTwo ? "1010" : "1710", tz)
      : { assets: [], assignments: [] });
  const bpUnit = (i: number): BusinessPartnerUnit | undefined => {
    const changed = bpOverlay.get(i);
    if (changed !== undefined) return changed ?? undefined;
    if (i < 0 || i >= base.bps) return undefined;
    const unit = businessPartnerUnit(seed, i, anchor, tz);
    const person = people.get(i);
    return person ? withPerson(unit, i, person) : unit;
  };
  const copyBp = (u: BusinessPartnerUnit): BusinessPartnerUnit => ({
    partner: { ...u.partner },
    roles: u.roles.map((r) => ({ ...r })),
    employments: u.employments.map((r) => ({ ...r })),
    addresses: u.addresses.map((r) => ({ ...r })),
    emails: u.emails.map((r) => ({ ...r })),
    changedMs: u.changedMs,
  });

  const nowMs = () => Math.floor(clock().getTime() / 1000) * 1000;
  const today = () => localStamp(nowMs(), tz).day;
  function indexOf(kind: keyof typeof base, id: string, offset: number): number {
    const index = Number(id) - offset;
    if (!Number.isInteger(index) || index < 0 || index >= total(kind)) {
      throw new SimulatorError("NOT_FOUND", `No SAP record ${id}`);
    }
    return index;
  }
  const existing = <T>(value: T | undefined, id: string, empty: (v: T) => boolean): T => {
    if (value === undefined || empty(value)) throw new SimulatorError("NOT_FOUND", `No SAP record ${id}`);
    return value;
  };
  const currentOf = (segments: SapRow[]): SapRow | undefined => {
    const day = today();
    return segments.find((s) => Number(s.ValidityStartDate) <= day && day <= Number(s.ValidityEndDate));
  };

  function writeEquipment(index: number, segments: SapRow[], patch: SapRow, target: number): SapRow {
    const header: SapRow = { LastChangeDateTime: nowMs() };
    const own: SapRow = {};
    for (const [name, value] of Object.entries(patch)) {
      if (EQUIPMENT_SEGMENT_FIELDS.has(name)) own[name] = value;
      else header[name] = value;
    }
    const rows = segments.map((s, i) => ({ ...s, ...header, ...(i === target ? own : {}) }));
    equipmentOverlay.set(index, rows);
    return rows[target] as SapRow;
  }
  function writeBp(index: number, change: (u: BusinessPartnerUnit) => void, stampHeader: boolean): SapRow {
    const u = copyBp(existing(bpUnit(index), String(1_000_000 + index), () => false));
    change(u);
    u.changedMs = nowMs();
    if (stampHeader)
      Object.assign(u.partner, partnerStamp(nowMs(), tz), { LastChangedByUser: "CC_WORKFORCE" });
    bpOverlay.set(index, u);
    return u.partner;
  }

  const set = (
    name: string,
    typeName: string,
    properties: Record<string, SapKind>,
    keys: string[],
    count: () => number,
    rows: (i: number) => readonly SapRow[],
    navigations?: Record<string, SapNavigation>,
  ): SapEntitySet => ({
    name,
    typeName,
    properties,
    keys,
    count,
    rows,
    maxLengths: MAX_LENGTHS,
    ...(navigations ? { navigations } : {}),
  });
  const bpCount = () => total("bps");
  const bpPart = (pick: (u: BusinessPartnerUnit) => SapRow[]) => (i: number) => {
    const u = bpUnit(i);
    return u ? pick(u) : [];
  };
  const bpOfRow = (row: SapRow) => bpUnit(Number(row.BusinessPartner) - 1_000_000);
  const assetsNs = "com.sap.gateway.srvd_a2x.api_fixedasset.v0001";

  const services: SapServiceDefinition[] = [
    {
      id: "equipment",
      name: "API_EQUIPMENT",
      path: "/sap/opu/odata/sap/API_EQUIPMENT",
      version: "v2",
      namespace: "API_EQUIPMENT",
      sets: [
        set(
          "Equipment",
          "API_EQUIPMENT.A_EquipmentType",
          EQUIPMENT_PROPERTIES,
          ["Equipment", "ValidityEndDate"],
          () => total("equipment"),
          equipmentUnit,
          {
            to_Partner: {
              target: "EquipmentPartner",
              many: true,
              rows: (row) => partnerUnit(Number(row.Equipment) - 10_000_000),
            },
          },
        ),
        set(
          "EquipmentPartner",
          "API_EQUIPMENT.A_EquipmentPartnerType",
          EQUIPMENT_PARTNER_PROPERTIES,
          ["Equipment", "PartnerFunction", "EquipmentPartnerObjectNmbr"],
          () => total("equipment"),
          partnerUnit,
        ),
      ],
    },
    {
      id: "fixedAsset",
      name: "api_fixedasset",
      path: "/sap/opu/odata4/sap/api_fixedasset/srvd_a2x/sap/fixedasset/0001",
      version: "v4",
      namespace: assetsNs,
      sets: [
        set(
          "FixedAsset",
          `${assetsNs}.FixedAssetType`,
          FIXED_ASSET_PROPERTIES,
          ["CompanyCode", "MasterFixedAsset", "FixedAsset"],
          () => total("assets"),
          (i) => assetUnit(i).assets,
          {
            _FixedAssetAssgmt: {
              target: "FixedAssetAssignment",
              many: true,
              rows: (row) =>
                assetUnit(Number(row.MasterFixedAsset) - 100_000).assignments.filter(
                  (a) => a.FixedAsset === row.FixedAsset,
                ),
            },
          },
        ),
        set(
          "FixedAssetAssignment",
          `${assetsNs}.FixedAssetAssignmentType`,
          ASSIGNMENT_PROPERTIES,
          ["CompanyCode", "MasterFixedAsset", "FixedAsset", "ValidityEndDate"],
          () => total("assets"),
          (i) => assetUnit(i).assignments,
        ),
      ],
    },
    {
      id: "businessPartner",
      name: "API_BUSINESS_PARTNER",
      path: "/sap/opu/odata/sap/API_BUSINESS_PARTNER",
      version: "v2",
      namespace: "API_BUSINESS_PARTNER",
      sets: [
        set(
          "A_BusinessPartner",
          "API_BUSINESS_PARTNER.A_BusinessPartnerType",
          PARTNER_PROPERTIES,
          ["BusinessPartner"],
          bpCount,
          bpPart((u) => [u.partner]),
          {
            to_BusinessPartnerRole: {
              target: "A_BusinessPartnerRole",
              many: true,
              rows: (row) => bpOfRow(row)?.roles ?? [],
            },
            to_BusinessPartnerAddress: {
              target: "A_BusinessPartnerAddress",
              many: true,
              rows: (row) => bpOfRow(row)?.addresses ?? [],
            },
          },
        ),
        set(
          "A_BusinessPartnerRole",
          "API_BUSINESS_PARTNER.A_BusinessPartnerRoleType",
          ROLE_PROPERTIES,
          ["BusinessPartner", "BusinessPartnerRole"],
          bpCount,
          bpPart((u) => u.roles),
        ),
        set(
          "A_BPEmployment",
          "API_BUSINESS_PARTNER.A_BPEmploymentType",
          EMPLOYMENT_PROPERTIES,
          ["BusinessPartner", "BPEmploymentStartDate"],
          bpCount,
          bpPart((u) => u.employments),
        ),
        set(
          "A_BusinessPartnerAddress",
          "API_BUSINESS_PARTNER.A_BusinessPartnerAddressType",
          ADDRESS_PROPERTIES,
          ["BusinessPartner", "AddressID"],
          bpCount,
          bpPart((u) => u.addresses),
          {
            to_EmailAddress: {
              target: "A_AddressEmailAddress",
              many: true,
              rows: (row) => bpUnit(Number(row.AddressID) - 20_000_000)?.emails ?? [],
            },
          },
        ),
        set(
          "A_AddressEmailAddress",
          "API_BUSINESS_PARTNER.A_AddressEmailAddressType",
          EMAIL_PROPERTIES,
          ["AddressID", "Person", "OrdinalNumber"],
          bpCount,
          bpPart((u) => u.emails),
        ),
      ],
    },
  ];
  if (options.customEmployees !== false) {
    services.push(customEmployeeService(options.customEmployees ?? {}, bpCount, bpUnit));
  }

  const model: SapModel = {
    seed,
    clock,
    systemTimeZone: tz,
    services,
    equipment: (id) => {
      const segments = equipmentUnit(Number(id) - 10_000_000);
      return currentOf(segments);
    },
    equipmentSegments: (id) => equipmentUnit(Number(id) - 10_000_000).slice(),
    addEquipment(patch = {}) {
      const index = total("equipment");
      added.equipment++;
      const [template] = equipmentSegments(seed, index, nowMs(), tz);
      const row = {
        ...(template as SapRow),
        ...equipmentValidity(today(), OPEN_END, 1),
        CreationDate: today(),
      };
      return writeEquipment(index, [row], { ...patch, Equipment: String(10_000_000 + index) }, 0);
    },
    updateEquipment(id, patch) {
      const index = indexOf("equipment", id, 10_000_000);
      const segments = existing(equipmentUnit(index), id, (s) => s.length === 0);
      const current = currentOf(segments);
      return writeEquipment(
        index,
        segments,
        patch,
        current ? segments.indexOf(current) : segments.length - 1,
      );
    },
    changeEquipmentFrom(id, validFrom, patch) {
      const index = indexOf("equipment", id, 10_000_000);
      const segments = existing(equipmentUnit(index), id, (s) => s.length === 0);
      const { rows, at } = splitSegments(segments, parseDay(validFrom), equipmentValidity, {});
      return writeEquipment(index, rows, patch, at);
    },
    equipmentPartners: (id) => partnerUnit(Number(id) - 10_000_000).slice(),
    setEquipmentPartner(id, partnerFunction, partner) {
      if (!/^[A-Z0-9]{1,2}$/.test(partnerFunction))
        throw new SimulatorError(
          "INVALID_OPTION",
          `Expected a partner function like VW, got '${partnerFunction}'`,
        );
      const index = indexOf("equipment", id, 10_000_000);
      const segments = existing(equipmentUnit(index), id, (s) => s.length === 0);
      const kept = partnerUnit(index).filter((p) => p.PartnerFunction !== partnerFunction);
      const rows =
        partner === null
          ? kept
          : [...kept, equipmentPartnerRow(segments[0] as SapRow, partnerFunction, 1, partner, today())].sort(
              (a, b) =>
                String(a.PartnerFunction).localeCompare(String(b.PartnerFunction)) ||
                String(a.EquipmentPartnerObjectNmbr).localeCompare(String(b.EquipmentPartnerObjectNmbr)),
            );
      partnerOverlay.set(index, rows);
      if (options.partnerChangesStampEquipment === true) writeEquipment(index, segments, {}, 0);
      return rows.slice();
    },
    markEquipmentDeleted: (id) => model.updateEquipment(id, { EquipmentIsMarkedForDeletion: true }),
    deactivateEquipment: (id) => model.updateEquipment(id, { EquipmentIsInactive: true }),
    deleteEquipment(id) {
      const index = indexOf("equipment", id, 10_000_000);
      existing(equipmentUnit(index), id, (s) => s.length === 0);
      equipmentOverlay.set(index, []);
    },
    fixedAsset: (key) => assetUnit(Number(key) - 100_000).assets[0],
    fixedAssetAssignments: (key, sub = "0000") =>
      assetUnit(Number(key) - 100_000).assignments.filter((a) => a.FixedAsset === sub),
    addFixedAsset(patch = {}) {
      const index = total("assets");
      added.assets++;
      const unit = fixedAssetUnit(seed, index, nowMs(), "1710", tz);
      const stamp = {
        LastChangeDateTime: nowMs(),
        LastChangeDate: today(),
        CreationDate: today(),
        CreationDateTime: nowMs(),
      };
      const asset = {
        ...(unit.assets[0] as SapRow),
        ...stamp,
        ...patch,
        MasterFixedAsset: String(100_000 + index).padStart(12, "0"),
        CompanyCode: "1710",
        FixedAsset: "0000",
      };
      const assignment = {
        ...(unit.assignments[0] as SapRow),
        CompanyCode: "1710",
        MasterFixedAsset: asset.MasterFixedAsset,
        FixedAsset: "0000",
        ...assignmentValidity(today(), OPEN_END),
      };
      assetOverlay.set(index, { assets: [asset], assignments: [assignment] });
      return asset;
    },
    updateFixedAsset(key, patch) {
      const index = indexOf("assets", key, 100_000);
      const unit = existing(assetUnit(index), key, (u) => u.assets.length === 0);
      const stamp = {
        LastChangeDateTime: nowMs(),
        LastChangeDate: today(),
        LastChangedByUser: "CC_FIXEDASSET",
      };
      const assets = unit.assets.map((a, i) => (i === 0 ? { ...a, ...stamp, ...patch } : a));
      assetOverlay.set(index, { assets, assignments: unit.assignments });
      return assets[0] as SapRow;
    },
    changeFixedAssetAssignment(key, validFrom, patch, sub = "0000") {
      const index = indexOf("assets", key, 100_000);
      const unit = existing(assetUnit(index), key, (u) => u.assets.length === 0);
      const own = unit.assignments.filter((a) => a.FixedAsset === sub);
      const { rows, at } = splitSegments(own, parseDay(validFrom), (s, e) => assignmentValidity(s, e), patch);
      const assignments = [
        ...unit.assignments.filter((a) => String(a.FixedAsset) < sub),
        ...rows,
        ...unit.assignments.filter((a) => String(a.FixedAsset) > sub),
      ];
      const stamp = { LastChangeDateTime: nowMs(), LastChangeDate: today() };
      assetOverlay.set(index, {
        assets: unit.assets.map((a) => (a.FixedAsset === sub ? { ...a, ...stamp } : a)),
        assignments,
      });
      return rows[at] as SapRow;
    },
    deleteFixedAsset(key) {
      const index = indexOf("assets", key, 100_000);
      existing(assetUnit(index), key, (u) => u.assets.length === 0);
      assetOverlay.set(index, { assets: [], assignments: [] });
    },
    businessPartner: (id) => bpUnit(Number(id) - 1_000_000)?.partner,
    businessPartnerParts(id) {
      const u = existing(bpUnit(Number(id) - 1_000_000), id, () => false);
      return { roles: u.roles, employments: u.employments, addresses: u.addresses, emails: u.emails };
    },
    addEmployee(patch = {}) {
      const index = total("bps");
      added.bps++;
      const template = businessPartnerUnit(seed, index - (index % 10 === 9 ? 1 : 0), nowMs(), tz);
      const ids = bpIds(index);
      const created = localStamp(nowMs(), tz);
      const { EmailAddress, ...header } = patch;
      const first = String(header.FirstName ?? template.partner.FirstName);
      const last = String(header.LastName ?? template.partner.LastName);
      const unit: BusinessPartnerUnit = {
        partner: {
          ...template.partner,
          BusinessPartner: ids.BusinessPartner,
          PersonNumber: ids.Person,
          BusinessPartnerCategory: "1",
          BusinessPartnerFullName: `${first} ${last}`,
          PersonFullName: `${first} ${last}`,
          BusinessPartnerIsBlocked: false,
          IsMarkedForArchiving: false,
          CreationDate: created.day,
          CreationTime: created.seconds,
          ...partnerStamp(nowMs(), tz),
          ...header,
        },
        roles: [
          {
            BusinessPartner: ids.BusinessPartner,
            BusinessPartnerRole: "BUP003",
            ValidFrom: created.day,
            ValidTo: OPEN_END_INSTANT,
          },
        ],
        employments: [
          {
            BusinessPartner: ids.BusinessPartner,
            BPEmploymentStartDate: created.day,
            BPEmploymentEndDate: null,
            BPEmploymentStatus: "1",
          },
        ],
        addresses: template.addresses.map((a) => ({
          ...a,
          BusinessPartner: ids.BusinessPartner,
          AddressID: ids.AddressID,
          ValidityStartDate: nowMs(),
        })),
        emails: typeof EmailAddress === "string" ? [emailRow(index, EmailAddress, 1, true)] : [],
        changedMs: nowMs(),
      };
      bpOverlay.set(index, unit);
      return unit.partner;
    },
    updateBusinessPartner(id, patch) {
      return writeBp(indexOf("bps", id, 1_000_000), (u) => Object.assign(u.partner, patch), true);
    },
    blockBusinessPartner: (id) => model.updateBusinessPartner(id, { BusinessPartnerIsBlocked: true }),
    markBusinessPartnerForArchiving: (id) => model.updateBusinessPartner(id, { IsMarkedForArchiving: true }),
    changeEmail(id, email) {
      const index = indexOf("bps", id, 1_000_000);
      return writeBp(
        index,
        (u) => {
          u.emails = [emailRow(index, email, 1, true)];
        },
        options.addressChangesStampPartner === true,
      );
    },
    endEmployment(id, endDate, endOptions = {}) {
      const end = parseDay(endDate);
      return writeBp(
        indexOf("bps", id, 1_000_000),
        (u) => {
          const employment = u.employments[u.employments.length - 1];
          if (!employment)
            throw new SimulatorError("INVALID_STATE", `Business partner ${id} has no employment`);
          employment.BPEmploymentEndDate = end;
          employment.BPEmploymentStatus = end < today() ? "0" : "1";
          if (endOptions.endRole !== false) {
            for (const role of u.roles)
              if (role.BusinessPartnerRole === "BUP003") role.ValidTo = end + 86_399_000;
          }
        },
        true,
      );
    },
    deleteBusinessPartner(id) {
      const index = indexOf("bps", id, 1_000_000);
      existing(bpUnit(index), id, () => false);
      bpOverlay.set(index, null);
    },
  };
  return model;
}
