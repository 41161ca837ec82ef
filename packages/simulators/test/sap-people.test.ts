import { describe, expect, it } from "vitest";
import { createSapModel } from "../src/index";

describe("SAP simulator: people seeded from another system", () => {
  it("the first persons take the given names and e-mails, organisations are skipped, the rest stay generated", () => {
    const people = Array.from({ length: 12 }, (_, i) => ({
      firstName: `Given${i}`,
      lastName: `Family${i}`,
      email: `shared.person.${i}@uslimato-sim.onmicrosoft.com`,
    }));
    const clock = () => new Date("2026-06-01T12:00:00Z");
    const model = createSapModel({ seed: 2, employees: 30, people, clock });
    const bp = (index: number) => String(1_000_000 + index);
    expect(model.businessPartner(bp(0))).toMatchObject({
      FirstName: "Given0",
      LastName: "Family0",
      BusinessPartnerFullName: "Given0 Family0",
    });
    expect(model.businessPartnerParts(bp(0)).emails).toEqual([
      expect.objectContaining({ EmailAddress: people[0]?.email, IsDefaultEmailAddress: true }),
    ]);
    // Index 9 is an organisation: person 9 goes to index 10; person 11 to index 12.
    expect(model.businessPartner(bp(9))?.BusinessPartnerCategory).toBe("2");
    expect(model.businessPartner(bp(10))?.FirstName).toBe("Given9");
    expect(model.businessPartnerParts(bp(12)).emails[0]?.EmailAddress).toBe(people[11]?.email);
    const plain = createSapModel({ seed: 2, employees: 30, clock });
    expect(model.businessPartner(bp(13))).toEqual(plain.businessPartner(bp(13)));
    expect(model.businessPartnerParts(bp(13))).toEqual(plain.businessPartnerParts(bp(13)));
  });
});
