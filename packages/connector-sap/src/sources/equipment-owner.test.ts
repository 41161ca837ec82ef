import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equipmentOwnerPartner } from "./equipment-owner";

const partnerRow = fc.record({
  PartnerFunction: fc.constantFrom("VW", "AB", "ZO", " VW"),
  EquipmentPartnerObjectNmbr: fc.integer({ min: 0, max: 999_999 }),
  Partner: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1_000_000, max: 9_999_999 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom("", "  ") },
  ),
});

describe("equipmentOwnerPartner", () => {
  it("is the partner of the function with the lowest counter, whatever the order; null when there is none", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(partnerRow, {
          selector: (r) => `${r.PartnerFunction.trim()}/${r.EquipmentPartnerObjectNmbr}`,
          maxLength: 8,
        }),
        fc.boolean(),
        (rows, padded) => {
          const partners = rows.map((r) => ({
            ...r,
            EquipmentPartnerObjectNmbr: padded
              ? String(r.EquipmentPartnerObjectNmbr).padStart(6, "0")
              : String(r.EquipmentPartnerObjectNmbr),
          }));
          const candidates = rows
            .filter((r) => r.PartnerFunction.trim() === "VW" && r.Partner.trim() !== "")
            .sort((a, b) => a.EquipmentPartnerObjectNmbr - b.EquipmentPartnerObjectNmbr);
          const owner = equipmentOwnerPartner(partners, "VW");
          expect(owner).toBe(candidates[0]?.Partner ?? null);
          expect(equipmentOwnerPartner([...partners].reverse(), "VW")).toBe(owner);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("reads nothing from a missing, deferred or malformed navigation", () => {
    for (const value of [undefined, null, { __deferred: { uri: "x" } }, "VW", [null, 1, "x"]])
      expect(equipmentOwnerPartner(value, "VW")).toBeNull();
    expect(
      equipmentOwnerPartner(
        [
          { PartnerFunction: "VW", EquipmentPartnerObjectNmbr: "000010", Partner: "1000010" },
          { PartnerFunction: "VW", EquipmentPartnerObjectNmbr: "2", Partner: " 1000002 " },
        ],
        "VW",
      ),
    ).toBe("1000002");
  });
});
