import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSapModel, type SapSimulator, startSapSimulator } from "../src/index";

const EQUIPMENT = "/sap/opu/odata/sap/API_EQUIPMENT/Equipment";
const ASSETS = "/sap/opu/odata4/sap/api_fixedasset/srvd_a2x/sap/fixedasset/0001/FixedAsset";
const BP = "/sap/opu/odata/sap/API_BUSINESS_PARTNER";

describe("SAP S/4HANA simulator", () => {
  let sap: SapSimulator;
  const now = Date.parse("2026-06-01T12:00:00Z");
  const auth = {
    authorization: `Basic ${Buffer.from("COMM_USER:pw").toString("base64")}`,
    "sap-client": "100",
  };
  const get = async (path: string, headers: Record<string, string> = auth) => {
    const response = await fetch(path.startsWith("http") ? path : `${sap.url}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  };
  beforeAll(async () => {
    const model = createSapModel({
      seed: 4,
      equipment: 250,
      fixedAssets: 120,
      employees: 60,
      clock: () => new Date(now),
    });
    sap = await startSapSimulator({ model, username: "COMM_USER", password: "pw", sapClient: "100" });
  });
  afterAll(() => sap.close());

  it("requires basic auth and the right sap-client", async () => {
    const none = await get(`${EQUIPMENT}?$top=1`, {});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect((await get(`${EQUIPMENT}?$top=1`, { ...auth, "sap-client": "200" })).status).toBe(401);
    expect(
      (await get(`${EQUIPMENT}?$top=1&sap-client=100`, { authorization: auth.authorization })).status,
    ).toBe(200);
  });

  it("serves OData v2 with /Date(ms)/ values, __metadata, $select and __next server paging (100 without $top)", async () => {
    const first = await get(
      `${EQUIPMENT}?$select=Equipment,LastChangeDateTime,AcquisitionDate,AcquisitionValue&$inlinecount=allpages&$format=json`,
    );
    const d = first.json().d;
    expect(d.results).toHaveLength(100);
    // time-dependent: one row per validity segment, several for some of the 250 equipment numbers
    const segments = Array.from(
      { length: 250 },
      (_, i) => sap.model.equipmentSegments(String(10_000_000 + i)).length,
    );
    const rowCount = segments.reduce((a, b) => a + b, 0);
    expect(rowCount).toBeGreaterThan(250);
    expect(d.__count).toBe(String(rowCount));
    expect(d.results[0]).toMatchObject({
      Equipment: "10000000",
      AcquisitionValue: expect.stringMatching(/^\d+\.\d{3}$/), // Edm.Decimal(13,3) as a string
    });
    expect(d.results[0].LastChangeDateTime).toMatch(/^\/Date\(\d+\+0000\)\/$/);
    expect(d.results[0].AcquisitionDate).toMatch(/^\/Date\(\d+\)\/$/);
    expect(d.results[0].__metadata.uri).toContain(
      "Equipment(Equipment='10000000',ValidityEndDate=datetime'9999-12-31T00:00:00')",
    );
    let next = d.__next as string | undefined;
    let total = d.results.length;
    const numbers = new Set(d.results.map((r: { Equipment: string }) => r.Equipment));
    while (next) {
      const page = (await get(next)).json().d;
      total += page.results.length;
      for (const r of page.results) numbers.add(r.Equipment);
      next = page.__next;
    }
    expect(total).toBe(rowCount);
    expect(numbers.size).toBe(250);
  });

  it("caps pages at 5000 and honours $top/$skip", async () => {
    const model = createSapModel({ seed: 1, equipment: 12_000 });
    const big = await startSapSimulator({ model, username: "u", password: "p" });
    const headers = { authorization: `Basic ${Buffer.from("u:p").toString("base64")}` };
    const page = (await (
      await fetch(`${big.url}${EQUIPMENT}?$top=8000&$select=Equipment`, { headers })
    ).json()) as { d: { results: unknown[]; __next: string } };
    expect(page.d.results).toHaveLength(5000);
    const rest = (await (await fetch(page.d.__next, { headers })).json()) as {
      d: { results: unknown[]; __next?: string };
    };
    expect(rest.d.results).toHaveLength(3000);
    expect(rest.d.__next).toBeUndefined();
    const skipped = (await (
      await fetch(
        `${big.url}${EQUIPMENT}?$top=2&$skip=10&$select=Equipment&$filter=${encodeURIComponent("ValidityEndDate eq datetime'9999-12-31T00:00:00'")}`,
        { headers },
      )
    ).json()) as { d: { results: Array<{ Equipment: string }> } };
    expect(skipped.d.results.map((r) => r.Equipment)).toEqual(["10000010", "10000011"]);
    await big.close();
  });

  it("filters v2 on datetimeoffset change timestamps and sees updates", async () => {
    sap.model.updateEquipment("10000005", { CostCenter: "99999999" });
    const since = new Date(now - 1000).toISOString().slice(0, 19);
    const changed = (
      await get(
        `${EQUIPMENT}?$filter=LastChangeDateTime ge datetimeoffset'${since}Z'&$select=Equipment,CostCenter`,
      )
    ).json().d.results;
    expect(changed).toEqual([expect.objectContaining({ Equipment: "10000005", CostCenter: "99999999" })]);
    const bad = await get(`${EQUIPMENT}?$filter=LastChangeDateTime ge '${since}'`);
    expect(bad.status).toBe(400);
    const error = bad.json().error;
    expect(error.message).toMatchObject({ lang: "en", value: expect.any(String) });
    expect(error.innererror.transactionid).toMatch(/^[0-9A-F]{32}$/);
    expect(
      (await get(`${EQUIPMENT}?$filter=LastChangeDateTime ge datetimeoffset'2024-01-01T00:00:00.123456789Z'`))
        .status,
    ).toBe(400);
  });

  it("serves business partners with LastChangeDate + LastChangeTime filters, BUP003 roles and emails", async () => {
    sap.model.updateBusinessPartner("1000003", { LastName: "Müller-Lüdenscheidt" });
    const day = new Date(now).toISOString().slice(0, 10);
    const filter = `(LastChangeDate gt datetime'${day}T00:00:00') or (LastChangeDate eq datetime'${day}T00:00:00' and LastChangeTime ge time'PT11H59M00S')`;
    const partners = (
      await get(
        `${BP}/A_BusinessPartner?$filter=${encodeURIComponent(filter)}&$select=BusinessPartner,LastName,LastChangeTime`,
      )
    ).json().d.results;
    expect(partners).toEqual([
      expect.objectContaining({
        BusinessPartner: "1000003",
        LastName: "Müller-Lüdenscheidt",
        LastChangeTime: "PT12H00M00S",
      }),
    ]);
    const roles = (
      await get(`${BP}/A_BusinessPartnerRole?$filter=BusinessPartnerRole eq 'BUP003'&$top=200`)
    ).json().d.results;
    expect(roles).toHaveLength(54);
    expect(roles[0].ValidFrom).toMatch(/^\/Date\(\d+\+0000\)\/$/);
    const emails = (await get(`${BP}/A_AddressEmailAddress?$top=200`)).json().d.results;
    expect(emails.length).toBeGreaterThan(40);
    expect(emails[0].EmailAddress).toMatch(/@uslimato\.example$/);
  });

  it("serves the v4 fixed asset API with ISO values, @odata.count and relative nextLinks", async () => {
    const page = (
      await get(
        `${ASSETS}?$count=true&$top=80&$select=CompanyCode,MasterFixedAsset,FixedAsset,LastChangeDateTime,LastChangeDate`,
      )
    ).json();
    // 120 master fixed assets, some with a sub-number (a row of its own)
    const subs = Array.from({ length: 120 }, (_, i) => sap.model.fixedAsset(String(100_000 + i)))
      .map((a) => String(a?.MasterFixedAsset))
      .filter((key) => sap.model.fixedAssetAssignments(key, "0001").length > 0).length;
    expect(page["@odata.count"]).toBe(120 + subs);
    expect(page.value).toHaveLength(80);
    expect(page.value[0]).toEqual({
      CompanyCode: "1010",
      MasterFixedAsset: "000000100000",
      FixedAsset: "0000",
      LastChangeDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      LastChangeDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(page["@odata.nextLink"]).toBeUndefined();
    const paged = (await get(`${ASSETS}?$select=MasterFixedAsset`)).json();
    expect(paged["@odata.nextLink"]).toMatch(/^FixedAsset\?\$skiptoken=/);
    const rest = (await get(`${ASSETS.replace(/FixedAsset$/, "")}${paged["@odata.nextLink"]}`)).json();
    expect(rest.value).toHaveLength(20 + subs);
    sap.model.updateFixedAsset("100007", { FixedAssetDescription: "Renamed" });
    const since = new Date(now - 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const changed = (await get(`${ASSETS}?$filter=LastChangeDateTime ge ${since}`)).json().value;
    expect(changed.map((a: { FixedAssetDescription: string }) => a.FixedAssetDescription)).toEqual([
      "Renamed",
    ]);
    const quoted = await get(`${ASSETS}?$filter=LastChangeDateTime ge '${since}'`);
    expect(quoted.status).toBe(400);
    expect(typeof quoted.json().error.message).toBe("string");
  });

  it("throttles with 429 + Retry-After and answers unknown sets with SAP errors", async () => {
    sap.faults.inject({ kind: "throttle", retryAfterSeconds: 4, times: 1 });
    const throttled = await get(`${EQUIPMENT}?$top=1`);
    expect([throttled.status, throttled.headers.get("retry-after")]).toEqual([429, "4"]);
    const missing = await get(`${BP}/A_Nope`);
    expect(missing.status).toBe(404);
    expect(missing.json().error.code).toBe("/IWBEP/CM_MGW_RT/025");
  });
});
