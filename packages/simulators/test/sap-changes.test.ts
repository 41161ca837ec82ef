import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFaultController, createSapHandlers, createSapModel, type SapModel } from "../src/index";

const BASE = "https://s4.example.com";
const EQUIPMENT = `${BASE}/sap/opu/odata/sap/API_EQUIPMENT/Equipment`;
const ASSETS = `${BASE}/sap/opu/odata4/sap/api_fixedasset/srvd_a2x/sap/fixedasset/0001/FixedAsset`;
const BP = `${BASE}/sap/opu/odata/sap/API_BUSINESS_PARTNER`;
const headers = { authorization: `Basic ${btoa("COMM:secret")}`, "sap-client": "300" };

describe("SAP msw handlers and the mutation API", () => {
  const now = Date.parse("2026-05-04T09:30:15Z");
  let model: SapModel;
  const faults = createFaultController(7);
  let server: ReturnType<typeof setupServer>;
  const get = async (url: string) => {
    const response = await fetch(url, { headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  };
  beforeAll(() => {
    model = createSapModel({
      seed: 12,
      equipment: 40,
      fixedAssets: 30,
      employees: 20,
      clock: () => new Date(now),
    });
    server = setupServer(
      ...createSapHandlers(model, {
        baseUrl: BASE,
        username: "COMM",
        password: "secret",
        sapClient: "300",
        faults,
      }),
    );
    server.listen({ onUnhandledFrame: "bypass" });
  });
  afterAll(() => server.close());

  it("serves the same OData shapes through msw, with basic auth", async () => {
    expect((await fetch(`${EQUIPMENT}?$top=1`)).status).toBe(401);
    const page = (await get(`${EQUIPMENT}?$top=5&$select=Equipment,EquipmentName`)).json();
    expect(page.d.results).toHaveLength(5);
    expect(page.d.results[0].__metadata.uri).toMatch(/^https:\/\/s4\.example\.com\/sap\/opu\/odata\/sap/);
    const open = encodeURIComponent("ValidityEndDate eq datetime'9999-12-31T00:00:00'");
    expect((await get(`${EQUIPMENT}/$count?$filter=${open}`)).text).toBe("40");
  });

  it("shows added, changed and deleted-marked equipment to a change-timestamp filter", async () => {
    const added = model.addEquipment({ EquipmentName: "Pump Ø 40" });
    const marked = model.markEquipmentDeleted("10000003");
    const since = `datetimeoffset'${new Date(now - 60_000).toISOString().slice(0, 19)}Z'`;
    const changed = (
      await get(
        `${EQUIPMENT}?$filter=${encodeURIComponent(`LastChangeDateTime ge ${since}`)}&$select=Equipment,EquipmentName,EquipmentIsMarkedForDeletion,LastChangeDateTime`,
      )
    ).json().d.results;
    // every validity segment of a changed equipment carries the new header stamp
    const numbers = changed.map((r: { Equipment: string }) => r.Equipment);
    expect([...new Set(numbers)]).toEqual(["10000003", added.Equipment]);
    expect(numbers.filter((n: string) => n === "10000003")).toHaveLength(
      model.equipmentSegments("10000003").length,
    );
    expect(changed[0].EquipmentIsMarkedForDeletion).toBe(true);
    expect(marked.EquipmentIsMarkedForDeletion).toBe(true);
    expect(changed.at(-1)).toMatchObject({
      EquipmentName: "Pump Ø 40",
      LastChangeDateTime: `/Date(${now}+0000)/`,
    });
  });

  it("adds employees with BUP003 roles and emails, blocks partners, stamps LastChangeDate + LastChangeTime", async () => {
    const hired = model.addEmployee({
      FirstName: "Ægir",
      LastName: "Þórsson",
      EmailAddress: "aegir@uslimato.example",
    });
    model.blockBusinessPartner("1000004");
    const day = new Date(now).toISOString().slice(0, 10);
    const filter = `LastChangeDate eq datetime'${day}T00:00:00' and LastChangeTime ge time'PT09H00M00S'`;
    const partners = (
      await get(
        `${BP}/A_BusinessPartner?$filter=${encodeURIComponent(filter)}&$select=BusinessPartner,FirstName,BusinessPartnerIsBlocked,LastChangeTime`,
      )
    ).json().d.results;
    expect(partners).toEqual([
      expect.objectContaining({
        BusinessPartner: "1000004",
        BusinessPartnerIsBlocked: true,
        LastChangeTime: "PT09H30M15S",
      }),
      expect.objectContaining({ BusinessPartner: hired.BusinessPartner, FirstName: "Ægir" }),
    ]);
    const role = (
      await get(`${BP}/A_BusinessPartnerRole?$filter=BusinessPartner eq '${hired.BusinessPartner}'`)
    ).json().d.results;
    expect(role).toEqual([expect.objectContaining({ BusinessPartnerRole: "BUP003" })]);
    const emails = (
      await get(`${BP}/A_AddressEmailAddress?$filter=EmailAddress eq 'aegir@uslimato.example'`)
    ).json().d.results;
    expect(emails).toHaveLength(1);
  });

  it("filters v4 fixed assets on an Edm.Date literal and sees added assets", async () => {
    const added = model.addFixedAsset({ FixedAssetDescription: "Laptop 42" });
    const day = new Date(now).toISOString().slice(0, 10);
    const page = (
      await get(`${ASSETS}?$filter=LastChangeDate ge ${day}&$select=MasterFixedAsset,FixedAssetDescription`)
    ).json();
    expect(page.value).toEqual([
      { MasterFixedAsset: added.MasterFixedAsset, FixedAssetDescription: "Laptop 42" },
    ]);
  });

  it("answers 503 with Retry-After, 504, malformed JSON and empty pages from faults", async () => {
    faults.inject({ kind: "unavailable", retryAfterSeconds: 9, times: 1 });
    const unavailable = await get(`${EQUIPMENT}?$top=1`);
    expect([unavailable.status, unavailable.headers.get("retry-after")]).toEqual([503, "9"]);
    expect(unavailable.json().error.message.lang).toBe("en");
    faults.inject({ kind: "gatewayTimeout", times: 1 });
    expect((await get(`${EQUIPMENT}?$top=1`)).status).toBe(504);
    faults.inject({ kind: "malformed", times: 1 });
    const malformed = await get(`${EQUIPMENT}?$top=1`);
    expect(malformed.status).toBe(200);
    expect(() => malformed.json()).toThrow();
    faults.inject({ kind: "emptyPage", times: 1 });
    const empty = (await get(`${ASSETS}?$top=10`)).json();
    expect(empty.value).toEqual([]);
    const resumed = (await get(`${ASSETS.replace(/FixedAsset$/, "")}${empty["@odata.nextLink"]}`)).json();
    expect(resumed.value).toHaveLength(10);
  });

  it("refuses unsupported query options and writes with SAP error bodies", async () => {
    const expand = await get(`${EQUIPMENT}?$expand=to_Nope`);
    expect(expand.status).toBe(400);
    expect(expand.json().error.code).toBe("/IWBEP/CM_MGW_RT/004");
    const v4 = await get(`${ASSETS}?$select=Nope`);
    expect(v4.status).toBe(400);
    expect(v4.json().error).toMatchObject({
      code: "/IWBEP/CM_MGW_RT/021",
      message: expect.any(String),
      details: [],
    });
    const post = await fetch(EQUIPMENT, { method: "POST", headers, body: "{}" });
    expect(post.status).toBe(405);
  });
});
