import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSapModel, type SapModel, type SapSimulator, startSapSimulator } from "../src/index";

const SERVICE = "/sap/opu/odata/sap/API_EQUIPMENT";
const q = encodeURIComponent;
const id = (index: number) => String(10_000_000 + index);

describe("SAP simulator: equipment partners (EquipmentPartner, to_Partner)", () => {
  let now = Date.parse("2026-04-07T10:20:30Z");
  const clock = () => new Date(now);
  let model: SapModel;
  let sap: SapSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sap.url}${path}`, {
      headers: { authorization: `Basic ${btoa("SIM_USER:sim-password")}` },
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) };
  };
  beforeAll(async () => {
    model = createSapModel({ seed: 8, equipment: 1000, employees: 200, clock });
    sap = await startSapSimulator({ model });
  });
  afterAll(() => sap.close());

  it("gives most equipment a VW partner among the employee business partners, some none, some an extra AB", () => {
    const all = Array.from({ length: 1000 }, (_, i) => model.equipmentPartners(id(i)));
    const functions = (rows: ReturnType<SapModel["equipmentPartners"]>) => rows.map((r) => r.PartnerFunction);
    const withVw = all.filter((rows) => functions(rows).includes("VW"));
    expect(withVw.length).toBeGreaterThan(850);
    expect(withVw.length).toBeLessThan(950);
    expect(all.filter((rows) => functions(rows).includes("AB")).length).toBeGreaterThan(100);
    expect(
      all.filter((rows) => functions(rows).filter((f) => f === "VW").length === 2).length,
    ).toBeGreaterThan(5);
    expect(all.some((rows) => functions(rows).join() === "AB")).toBe(true);
    for (const [i, rows] of all.entries()) {
      // key order: function, then counter
      const keys = rows.map((r) => `${r.PartnerFunction}/${r.EquipmentPartnerObjectNmbr}`);
      expect(keys).toEqual([...keys].sort());
      for (const row of rows) {
        expect(row).toMatchObject({ Equipment: id(i), CreatedByUser: "CC_EQUIPMENT" });
        expect(row.EquipmentPartnerObjectNmbr).toMatch(/^\d{6}$/);
        const partner = model.businessPartner(String(row.Partner));
        expect(partner?.BusinessPartnerCategory).toBe("1");
        expect(
          model.businessPartnerParts(String(row.Partner)).roles.map((r) => r.BusinessPartnerRole),
        ).toContain("BUP003");
      }
    }
    // deterministic by seed
    const again = createSapModel({ seed: 8, equipment: 1000, employees: 200, clock });
    const other = createSapModel({ seed: 9, equipment: 1000, employees: 200, clock });
    expect(Array.from({ length: 50 }, (_, i) => again.equipmentPartners(id(i)))).toEqual(all.slice(0, 50));
    expect(Array.from({ length: 50 }, (_, i) => other.equipmentPartners(id(i)))).not.toEqual(
      all.slice(0, 50),
    );
    expect(createSapModel({ seed: 8, equipment: 10, employees: 0, clock }).equipmentPartners(id(1))).toEqual(
      [],
    );
  });

  it("publishes EquipmentPartner in $metadata and the to_Partner navigation on Equipment", async () => {
    const xml = (await get(`${SERVICE}/$metadata`)).text;
    expect(xml).toContain(
      '<EntityType Name="A_EquipmentPartnerType" sap:content-version="1"><Key><PropertyRef Name="Equipment"/><PropertyRef Name="PartnerFunction"/><PropertyRef Name="EquipmentPartnerObjectNmbr"/></Key>',
    );
    expect(xml).toContain('<Property Name="Partner" Type="Edm.String" MaxLength="12"/>');
    expect(xml).toContain(
      '<Property Name="EquipmentPartnerObjectNmbr" Type="Edm.String" Nullable="false" MaxLength="6"/>',
    );
    expect(xml).toContain(
      '<Property Name="CreationDate" Type="Edm.DateTime" Precision="0" sap:display-format="Date"/>',
    );
    expect(xml).toMatch(/<NavigationProperty Name="to_Partner" Relationship="API_EQUIPMENT\.[^"]+"/);
    expect(xml).toContain(
      '<EntitySet Name="EquipmentPartner" EntityType="API_EQUIPMENT.A_EquipmentPartnerType"',
    );
    expect((await get(`${SERVICE}/`)).json().d.EntitySets).toEqual(["Equipment", "EquipmentPartner"]);
  });

  it("expands to_Partner on Equipment (deferred otherwise) and lists EquipmentPartner with filters", async () => {
    const page = (await get(`${SERVICE}/Equipment?$top=20&$expand=to_Partner&$format=json`)).json().d
      .results as Array<{
      Equipment: string;
      to_Partner: { results: Array<Record<string, unknown>> };
    }>;
    expect(page).toHaveLength(20);
    for (const row of page) {
      const expected = model.equipmentPartners(row.Equipment);
      expect(row.to_Partner.results.map((p) => p.Partner)).toEqual(expected.map((p) => p.Partner));
      for (const p of row.to_Partner.results) expect(p.CreationDate).toMatch(/^\/Date\(-?\d+\)\/$/);
    }
    const plain = (await get(`${SERVICE}/Equipment?$top=1`)).json().d.results[0];
    expect(plain.to_Partner.__deferred.uri).toMatch(/\/Equipment\(Equipment='10000000',.*\)\/to_Partner$/);
    expect(
      (await get(`${SERVICE}/Equipment?$top=1&$select=Equipment`)).json().d.results[0].to_Partner,
    ).toBeUndefined();
    const vw = (
      await get(
        `${SERVICE}/EquipmentPartner?$filter=${q("Equipment eq '10000001' and PartnerFunction eq 'VW'")}`,
      )
    ).json().d.results as Array<{ Partner: string }>;
    expect(vw.map((p) => p.Partner)).toEqual(
      model
        .equipmentPartners(id(1))
        .filter((p) => p.PartnerFunction === "VW")
        .map((p) => p.Partner),
    );
  });

  it("changes a partner without moving LastChangeDateTime by default; removes partners; refuses bad functions", () => {
    const before = model.equipmentSegments(id(3)).map((s) => s.LastChangeDateTime);
    now += 60_000;
    const rows = model.setEquipmentPartner(id(3), "VW", "1000042");
    expect(rows.filter((r) => r.PartnerFunction === "VW")).toEqual([
      expect.objectContaining({ Partner: "1000042", EquipmentPartnerObjectNmbr: "000001" }),
    ]);
    expect(model.equipmentPartners(id(3))).toEqual(rows);
    expect(model.equipmentSegments(id(3)).map((s) => s.LastChangeDateTime)).toEqual(before);
    model.setEquipmentPartner(id(3), "VW", null);
    expect(model.equipmentPartners(id(3)).some((r) => r.PartnerFunction === "VW")).toBe(false);
    expect(() => model.setEquipmentPartner(id(3), "vw1", "1")).toThrow(/partner function/);
    expect(() => model.setEquipmentPartner(id(5000), "VW", "1")).toThrow(/No SAP record/);
    model.deleteEquipment(id(4));
    expect(model.equipmentPartners(id(4))).toEqual([]);
  });

  it("with partnerChangesStampEquipment, a partner change stamps every validity segment", () => {
    const stamping = createSapModel({
      seed: 8,
      equipment: 200,
      employees: 50,
      clock,
      partnerChangesStampEquipment: true,
    });
    const several = Array.from({ length: 200 }, (_, i) => id(i)).find(
      (e) => stamping.equipmentSegments(e).length > 1,
    );
    now += 60_000;
    stamping.setEquipmentPartner(several as string, "VW", "1000007");
    const stamps = stamping.equipmentSegments(several as string).map((s) => s.LastChangeDateTime);
    expect(stamps.length).toBeGreaterThan(1);
    expect(new Set(stamps)).toEqual(new Set([Math.floor(now / 1000) * 1000]));
    // a new equipment gets partners too
    const added = stamping.addEquipment();
    expect(
      stamping.equipmentPartners(String(added.Equipment)).every((p) => p.Equipment === added.Equipment),
    ).toBe(true);
  });
});
