import { hash32 } from "../random/hash32";
import type { SapRow } from "./sap-entity-set";

/** The partner function "person responsible" (`VW`) the simulator gives most equipment. */
const RESPONSIBLE = "VW";
/** A second partner function (`AB`, department responsible) some equipment carry as well. */
const DEPARTMENT = "AB";

/** A person among the first `employees` business partners (every tenth index is an organisation). */
function personIndex(h: number, employees: number): number {
  const index = h % employees;
  return index % 10 === 9 ? index - 1 : index;
}

/** One `EquipmentPartner` row of an equipment (`header`: any of its segments; the counter is per function). */
export function equipmentPartnerRow(
  header: SapRow,
  partnerFunction: string,
  counter: number,
  partner: string,
  creationDate: number,
): SapRow {
  return {
    Equipment: header.Equipment ?? "",
    PartnerFunction: partnerFunction,
    EquipmentPartnerObjectNmbr: String(counter).padStart(6, "0"),
    Partner: partner,
    CreatedByUser: "CC_EQUIPMENT",
    CreationDate: creationDate,
  };
}

/**
 * The partners of equipment `index` in key order (function, then counter), given one of its segments and how
 * many business partners the system generated: 90% have a `VW` partner that is a person among those business
 * partners (2.5% a second one with counter 2), a sixth also an `AB` partner (another person), the rest none.
 * No partners when the system has no business partners.
 */
export function equipmentPartners(seed: number, index: number, header: SapRow, employees: number): SapRow[] {
  if (employees <= 0) return [];
  const h = hash32(seed, index, 45);
  const created = Number(header.CreationDate ?? 0);
  const person = (salt: number) => String(1_000_000 + personIndex(hash32(seed, index, salt), employees));
  const rows: SapRow[] = [];
  if ((h >>> 8) % 6 === 1) rows.push(equipmentPartnerRow(header, DEPARTMENT, 1, person(47), created));
  if (h % 10 !== 0) {
    rows.push(equipmentPartnerRow(header, RESPONSIBLE, 1, person(46), created));
    if (h % 40 === 17) rows.push(equipmentPartnerRow(header, RESPONSIBLE, 2, person(48), created));
  }
  return rows;
}
