import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSapModel, type SapModel, type SapSimulator, startSapSimulator } from "../src/index";

const EQUIPMENT = "/sap/opu/odata/sap/API_EQUIPMENT/Equipment";
const FA = "/sap/opu/odata4/sap/api_fixedasset/srvd_a2x/sap/fixedasset/0001";
const BP = "/sap/opu/odata/sap/API_BUSINESS_PARTNER";
const q = encodeURIComponent;

describe("SAP simulator: the three standard services and a custom employee view over HTTP", () => {
  let sap: SapSimulator;
  let model: SapModel;
  let now = Date.parse("2026-03-10T08:15:30Z");
  const headers = { authorization: `Basic ${btoa("COMM:pw")}`, "sap-client": "100" };
  const get = async (path: string, extra: Record<string, string> = {}) => {
    const response = await fetch(path.startsWith("http") ? path : `${sap.url}${path}`, {
      headers: { ...headers, ...extra },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  };
  beforeAll(async () => {
    model = createSapModel({
      seed: 21,
      equipment: 300,
      fixedAssets: 80,
      employees: 120,
      clock: () => new Date(now),
      systemTimeZone: "Europe/Berlin",
      customEmployees: {
        version: "v4",
        entitySet: "ZZ1_Employee",
        fields: { email: "Mail", changedAt: "ChangedAt" },
      },
    });
    sap = await startSapSimulator({ model, username: "COMM", password: "pw" });
  });
  afterAll(() => sap.close());

  it("keeps several validity segments per equipment; the one ending 9999-12-31 may be future-dated", async () => {
    const rows = (
      await get(`${EQUIPMENT}?$select=Equipment,ValidityStartDate,ValidityEndDate,CostCenter&$top=5000`)
    ).json().d.results as Array<{ Equipment: string; ValidityStartDate: string; ValidityEndDate: string }>;
    const byNumber = new Map<string, typeof rows>();
    for (const row of rows) byNumber.set(row.Equipment, [...(byNumber.get(row.Equipment) ?? []), row]);
    expect(byNumber.size).toBe(300);
    const ms = (d: string) => Number(/\/Date\((-?\d+)\)\//.exec(d)?.[1]);
    const today = Date.UTC(2026, 2, 10);
    const futureDated = [...byNumber.values()].filter((segments) => segments.length === 3);
    expect(futureDated.length).toBeGreaterThan(5);
    for (const segments of futureDated) {
      const last = segments.at(-1);
      expect(last?.ValidityEndDate).toBe(`/Date(${Date.UTC(9999, 11, 31)})/`);
      expect(ms(last?.ValidityStartDate ?? "")).toBeGreaterThan(today);
      const current = segments.filter(
        (s) => ms(s.ValidityStartDate) <= today && today <= ms(s.ValidityEndDate),
      );
      expect(current).toHaveLength(1);
      expect(current[0]).toEqual(expect.objectContaining({ Equipment: last?.Equipment }));
      expect(current[0]).not.toBe(last);
    }
    const equipment = futureDated[0]?.[0]?.Equipment as string;
    expect(model.equipment(equipment)?.ValidityEndDate).toBeLessThan(Date.UTC(9999, 11, 31));
  });

  it("writes v2 values the way Gateway does: /Date(ms)/, negative before 1970, +0000 offsets, Edm.Time, decimal strings", async () => {
    const all = (
      await get(
        `${EQUIPMENT}?$select=Equipment,AcquisitionDate,AcquisitionValue,LastChangeDateTime,ValidityEndTime&$top=5000`,
      )
    ).json().d.results;
    expect(all.some((r: { AcquisitionDate: string }) => /^\/Date\(-\d+\)\/$/.test(r.AcquisitionDate))).toBe(
      true,
    );
    expect(all[0].LastChangeDateTime).toMatch(/^\/Date\(\d+\+0000\)\/$/);
    expect(all[0].ValidityEndTime).toBe("PT23H59M59S");
    expect(all[0].AcquisitionValue).toMatch(/^\d+\.\d{3}$/);
  });

  it("splits a validity segment from a date (an insert in key order) and stamps every segment", async () => {
    const id = "10000001";
    const before = model.equipmentSegments(id).length;
    now += 60_000;
    model.changeEquipmentFrom(id, "2026-04-01", { CostCenter: "99990000", EquipmentName: "Renamed" });
    const segments = (
      await get(
        `${EQUIPMENT}?$filter=${q(`Equipment eq '${id}'`)}&$select=ValidityStartDate,CostCenter,EquipmentName,LastChangeDateTime`,
      )
    ).json().d.results;
    expect(segments).toHaveLength(before + 1);
    expect(segments.at(-1).CostCenter).toBe("99990000");
    expect(new Set(segments.map((s: { EquipmentName: string }) => s.EquipmentName))).toEqual(
      new Set(["Renamed"]),
    );
    expect(new Set(segments.map((s: { LastChangeDateTime: string }) => s.LastChangeDateTime))).toEqual(
      new Set([`/Date(${now}+0000)/`]),
    );
    expect(model.equipment(id)?.CostCenter).not.toBe("99990000"); // from April on, not today
  });

  it("filters with typed literals, '' escaping, ne/or/not, string functions, and orders by compound keys", async () => {
    const ok = async (filter: string) =>
      (await get(`${EQUIPMENT}?$filter=${q(filter)}&$select=Equipment,ValidityEndDate&$top=3`)).status;
    expect(
      await ok(
        "LastChangeDateTime ge datetimeoffset'2025-01-01T00:00:00Z' and EquipmentIsMarkedForDeletion eq false",
      ),
    ).toBe(200);
    expect(
      await ok("ValidityEndDate lt datetime'9999-12-31T00:00:00' or not (EquipmentIsInactive eq false)"),
    ).toBe(200);
    expect(await ok("EquipmentName eq 'O''Brien''s pump'")).toBe(200);
    expect(await ok("startswith(EquipmentName,'Dell') eq true and substringof('#1',EquipmentName)")).toBe(
      200,
    );
    expect(await ok("EquipmentName eq O'Brien")).toBe(400);
    expect(await ok("LastChangeDateTime ge '2025-01-01T00:00:00Z'")).toBe(400);
    expect(await ok("LastChangeDateTime ge datetimeoffset'2025-01-01T00:00:00.123456789Z'")).toBe(400);
    const uuid = model.businessPartner("1000007")?.BusinessPartnerUUID as string;
    const byGuid = (
      await get(
        `${BP}/A_BusinessPartner?$filter=${q(`BusinessPartnerUUID eq guid'${uuid}'`)}&$select=BusinessPartner`,
      )
    ).json().d.results;
    expect(byGuid).toEqual([expect.objectContaining({ BusinessPartner: "1000007" })]);
    expect(
      (await get(`${BP}/A_BusinessPartner?$filter=${q(`BusinessPartnerUUID eq '${uuid}'`)}`)).status,
    ).toBe(400);
    const desc = (
      await get(
        `${EQUIPMENT}?$orderby=${q("Equipment desc,ValidityEndDate desc")}&$top=4&$select=Equipment,ValidityEndDate`,
      )
    ).json().d.results;
    const keys = desc.map(
      (r: { Equipment: string; ValidityEndDate: string }) => `${r.Equipment}|${r.ValidityEndDate}`,
    );
    expect(keys).toEqual([...keys].sort().reverse());
    const byStamp = (
      await get(`${EQUIPMENT}?$orderby=LastChangeDateTime desc&$top=2&$select=Equipment,LastChangeDateTime`)
    ).json().d.results;
    expect(byStamp[0].Equipment).toBe("10000001");
    const bad = await get(`${EQUIPMENT}?$orderby=Nope`);
    expect([bad.status, bad.json().error.code]).toEqual([400, "/IWBEP/CM_MGW_RT/021"]);
  });

  it("refuses what Gateway refuses: v2 $count and lambdas, v4 $inlinecount, unknown navigations", async () => {
    const v2count = await get(`${EQUIPMENT}?$count=true`);
    expect([v2count.status, v2count.json().error.code]).toEqual([400, "/IWBEP/CM_MGW_RT/004"]);
    const lambda = await get(
      `${BP}/A_BusinessPartner?$filter=${q("to_BusinessPartnerRole/any(r:r/BusinessPartnerRole eq 'BUP003')")}`,
    );
    expect(lambda.status).toBe(400);
    expect(lambda.json().error.message.value).toMatch(/not supported/);
    expect(lambda.headers.get("sap-transaction-id")).toMatch(/^[0-9A-F]{32}$/);
    expect((await get(`${FA}/FixedAsset?$inlinecount=allpages`)).status).toBe(400);
    expect((await get(`${BP}/A_BusinessPartner?$expand=to_Nope`)).status).toBe(400);
    expect((await get(`${EQUIPMENT}?$search=Dell`)).status).toBe(400);
  });

  it("serves api_fixedasset (v4): compound keys, _FixedAssetAssgmt with nested options, IEEE754Compatible", async () => {
    const page = (
      await get(
        `${FA}/FixedAsset?$count=true&$top=3&$orderby=CompanyCode,MasterFixedAsset,FixedAsset&$select=CompanyCode,MasterFixedAsset,FixedAsset&$expand=${q("_FixedAssetAssgmt($select=CostCenter,Plant,Room,ValidityStartDate,ValidityEndDate)")}`,
        {
          accept: "application/json;IEEE754Compatible=true",
        },
      )
    ).json();
    expect(typeof page["@odata.count"]).toBe("string");
    expect(page.value[0]).toEqual({
      CompanyCode: "1010",
      MasterFixedAsset: "000000100000",
      FixedAsset: "0000",
      _FixedAssetAssgmt: expect.arrayContaining([
        {
          CostCenter: expect.any(String),
          Plant: expect.any(String),
          Room: expect.any(String),
          ValidityStartDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          ValidityEndDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        },
      ]),
    });
    const plain = (await get(`${FA}/FixedAsset?$count=true&$top=1`)).json();
    expect(typeof plain["@odata.count"]).toBe("number");
    const codes = (await get(`${FA}/FixedAsset?$select=CompanyCode&$top=5000`))
      .json()
      .value.map((r: { CompanyCode: string }) => r.CompanyCode);
    expect(new Set(codes)).toEqual(new Set(["1010", "1710"]));
    const key = "000000100004";
    now += 60_000;
    model.changeFixedAssetAssignment(key, "2026-03-10", { Room: "7.07", CostCenter: "10101301" });
    const moved = (
      await get(
        `${FA}/FixedAsset?$filter=${q(`MasterFixedAsset eq '${key}' and FixedAsset eq '0000'`)}&$expand=_FixedAssetAssgmt&$select=LastChangeDateTime`,
      )
    ).json().value[0];
    expect(moved.LastChangeDateTime).toBe(new Date(now).toISOString().replace(".000", ""));
    expect(moved._FixedAssetAssgmt.at(-1)).toMatchObject({
      Room: "7.07",
      ValidityStartDate: "2026-03-10",
      ValidityEndDate: "9999-12-31",
    });
    const single = (
      await get(`${FA}/FixedAsset(CompanyCode='1010',MasterFixedAsset='${key}',FixedAsset='0000')`)
    ).json();
    expect(single).toMatchObject({ "@odata.context": "$metadata#FixedAsset/$entity", MasterFixedAsset: key });
  });

  it("stamps business partners in the system time zone, with CreationDate when never changed", async () => {
    now = Date.parse("2026-03-10T23:30:00Z"); // already 11 March in Berlin
    model.updateBusinessPartner("1000002", { LastName: "Lindqvist" });
    const partner = (
      await get(`${BP}/A_BusinessPartner('1000002')?$select=LastChangeDate,LastChangeTime`)
    ).json().d;
    expect(partner).toMatchObject({
      LastChangeDate: `/Date(${Date.UTC(2026, 2, 11)})/`,
      LastChangeTime: "PT00H30M00S",
    });
    const never = (
      await get(
        `${BP}/A_BusinessPartner?$filter=${q("LastChangeDate eq null")}&$select=BusinessPartner,CreationDate,CreationTime,LastChangeTime&$top=200`,
      )
    ).json().d.results;
    expect(never.length).toBeGreaterThan(0);
    expect(never[0]).toMatchObject({
      CreationDate: expect.stringMatching(/^\/Date\(\d+\)\/$/),
      LastChangeTime: "PT00H00M00S",
    });
  });

  it("expands roles and address e-mails; leavers have an employment end and a role that ended", async () => {
    const people = (
      await get(
        `${BP}/A_BusinessPartner?$filter=${q("BusinessPartnerCategory eq '1'")}&$top=200&$select=BusinessPartner,to_BusinessPartnerRole,to_BusinessPartnerAddress&$expand=${q("to_BusinessPartnerRole,to_BusinessPartnerAddress/to_EmailAddress")}`,
      )
    ).json().d.results;
    expect(
      people[0].to_BusinessPartnerRole.results.some(
        (r: { BusinessPartnerRole: string }) => r.BusinessPartnerRole === "BUP003",
      ),
    ).toBe(true);
    expect(people[0].to_BusinessPartnerAddress.results[0].to_EmailAddress.results[0].EmailAddress).toMatch(
      /@uslimato\.example$/,
    );
    const twoMails = people.find(
      (p: { to_BusinessPartnerAddress: { results: Array<{ to_EmailAddress: { results: unknown[] } }> } }) =>
        p.to_BusinessPartnerAddress.results[0]?.to_EmailAddress.results.length === 2,
    );
    expect(
      twoMails?.to_BusinessPartnerAddress.results[0].to_EmailAddress.results[0].IsDefaultEmailAddress,
    ).toBe(false);
    const deferred = (await get(`${BP}/A_BusinessPartner?$top=1`)).json().d.results[0];
    expect(deferred.to_BusinessPartnerRole.__deferred.uri).toMatch(
      /A_BusinessPartner\('1000000'\)\/to_BusinessPartnerRole$/,
    );
    const ended = (
      await get(`${BP}/A_BPEmployment?$filter=${q("BPEmploymentEndDate ne null")}&$top=500`)
    ).json().d.results;
    expect(ended.length).toBeGreaterThan(0);
    now += 60_000;
    model.endEmployment("1000011", "2026-03-01");
    const role = (
      await get(`${BP}/A_BusinessPartnerRole(BusinessPartner='1000011',BusinessPartnerRole='BUP003')`)
    ).json().d;
    expect(role.ValidTo).toBe(`/Date(${Date.UTC(2026, 2, 1, 23, 59, 59)}+0000)/`);
    const employment = (await get(`${BP}/A_BPEmployment?$filter=${q("BusinessPartner eq '1000011'")}`))
      .json()
      .d.results.at(-1);
    expect(employment).toMatchObject({
      BPEmploymentEndDate: `/Date(${Date.UTC(2026, 2, 1)})/`,
      BPEmploymentStatus: "0",
    });
  });

  it("changes an e-mail without moving the partner's header stamp; a custom view shows it", async () => {
    const before = model.businessPartner("1000020");
    now += 3_600_000;
    model.changeEmail("1000020", "new.mail@uslimato.example");
    expect(model.businessPartner("1000020")).toEqual(before);
    const mail = (await get(`${BP}/A_AddressEmailAddress?$filter=${q("Person eq '5000020'")}`)).json().d
      .results;
    expect(mail).toEqual([
      expect.objectContaining({ EmailAddress: "new.mail@uslimato.example", IsDefaultEmailAddress: true }),
    ]);
    const since = new Date(now - 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const custom = (
      await get(
        `/sap/opu/odata4/sap/yy1_workforceperson/srvd_a2x/sap/yy1_workforceperson/0001/ZZ1_Employee?$filter=${q(`ChangedAt ge ${since}`)}`,
      )
    ).json().value;
    expect(custom).toEqual([
      expect.objectContaining({ BusinessPartner: "1000020", Mail: "new.mail@uslimato.example" }),
    ]);
    const stamping = createSapModel({
      seed: 21,
      employees: 30,
      addressChangesStampPartner: true,
      clock: () => new Date(now),
    });
    stamping.changeEmail("1000020", "x@uslimato.example");
    expect(stamping.businessPartner("1000020")?.LastChangeTime).toBe(Math.floor((now % 86_400_000) / 1000));
  });

  it("removes rows physically: gone from listings and reads by key, no tombstone", async () => {
    model.deleteEquipment("10000002");
    model.deleteBusinessPartner("1000003");
    model.deleteFixedAsset("100003");
    expect((await get(`${EQUIPMENT}?$filter=${q("Equipment eq '10000002'")}`)).json().d.results).toEqual([]);
    expect((await get(`${BP}/A_BusinessPartner('1000003')`)).status).toBe(404);
    expect(
      (await get(`${BP}/A_BusinessPartnerRole?$filter=${q("BusinessPartner eq '1000003'")}`)).json().d
        .results,
    ).toEqual([]);
    expect(
      (await get(`${FA}/FixedAsset?$filter=${q("MasterFixedAsset eq '000000100003'")}`)).json().value,
    ).toEqual([]);
  });

  it("publishes $metadata (EDMX) and service documents with every property a client checks", async () => {
    const v2 = await get("/sap/opu/odata/sap/API_EQUIPMENT/$metadata");
    expect(v2.headers.get("content-type")).toBe("application/xml");
    expect(v2.text).toContain('<edmx:Edmx Version="1.0"');
    expect(v2.text).toContain('<PropertyRef Name="Equipment"/><PropertyRef Name="ValidityEndDate"/>');
    expect(v2.text).toContain('<Property Name="LastChangeDateTime" Type="Edm.DateTimeOffset"');
    const bp = (await get(`${BP}/$metadata`)).text;
    expect(bp).toContain('<Property Name="LastChangeTime" Type="Edm.Time"');
    expect(bp).toContain('<NavigationProperty Name="to_EmailAddress"');
    const v4 = (await get(`${FA}/$metadata`)).text;
    expect(v4).toContain('<edmx:Edmx Version="4.0"');
    expect(v4).toContain(
      '<NavigationProperty Name="_FixedAssetAssgmt" Type="Collection(com.sap.gateway.srvd_a2x.api_fixedasset.v0001.FixedAssetAssignmentType)"/>',
    );
    expect(v4).toContain('<Property Name="LastChangeDate" Type="Edm.Date"');
    expect((await get(`${BP}/`)).json().d.EntitySets).toContain("A_BPEmployment");
    expect((await get(`${FA}/`)).json().value.map((s: { name: string }) => s.name)).toEqual([
      "FixedAsset",
      "FixedAssetAssignment",
    ]);
  });

  it("generates 100,000 equipment cheaply and seeks keyset pages without scanning from the start", async () => {
    const big = createSapModel({ seed: 3, equipment: 100_000 });
    const started = performance.now();
    const sim = await startSapSimulator({ model: big });
    try {
      const auth = { authorization: `Basic ${btoa("SIM_USER:sim-password")}` };
      const url = `${sim.url}${EQUIPMENT}?$top=1000&$orderby=Equipment,ValidityEndDate&$select=Equipment&$filter=${q("Equipment gt '10099000'")}`;
      const page = (await (await fetch(url, { headers: auth })).json()) as {
        d: { results: Array<{ Equipment: string }> };
      };
      expect(page.d.results[0]?.Equipment).toBe("10099001");
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      await sim.close();
    }
  });
});
