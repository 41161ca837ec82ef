import type { ODataRow } from "../odata/normalize-odata-row";

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");

/** Counters in order: numerically when both are digits (`2` before `10`), else as text. */
function compareCounters(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const difference = BigInt(a) - BigInt(b);
    if (difference !== 0n) return difference < 0n ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The owner of an equipment: among its partners (`to_Partner`, as read), the `Partner` of the given partner
 * function with the lowest counter (`EquipmentPartnerObjectNmbr`), or `null` when it has none with a partner.
 */
export function equipmentOwnerPartner(partners: unknown, partnerFunction: string): string | null {
  if (!Array.isArray(partners)) return null;
  let owner: string | null = null;
  let lowest = "";
  for (const row of partners as ODataRow[]) {
    if (row === null || typeof row !== "object" || text(row.PartnerFunction) !== partnerFunction) continue;
    const partner = text(row.Partner);
    const counter = text(row.EquipmentPartnerObjectNmbr);
    if (partner === "" || (owner !== null && compareCounters(counter, lowest) >= 0)) continue;
    owner = partner;
    lowest = counter;
  }
  return owner;
}
