import { X509Certificate } from "node:crypto";
import { request } from "node:https";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFaultController,
  createMtlsCertificates,
  createSapHandlers,
  createSapModel,
  type SapModel,
  type SapSimulator,
  startSapSimulator,
} from "../src/index";

const EQUIPMENT = "/sap/opu/odata/sap/API_EQUIPMENT/Equipment";
const FA = "/sap/opu/odata4/sap/api_fixedasset/srvd_a2x/sap/fixedasset/0001/FixedAsset";
const q = encodeURIComponent;
const basic = { authorization: `Basic ${btoa("SIM_USER:sim-password")}` };

type Row = { Equipment: string; ValidityEndDate: string };
type Page = { d: { results: Row[]; __next?: string }; value: unknown[] };
const keyOf = (r: Row) => `${r.Equipment}|${r.ValidityEndDate}`;

describe("SAP simulator: server paging, offset skiptokens and keyset paging", () => {
  let sap: SapSimulator;
  let model: SapModel;
  const get = async (url: string): Promise<Page> =>
    (
      await fetch(url.startsWith("http") ? url : `${sap.url}${url}`, { headers: basic })
    ).json() as Promise<Page>;
  beforeAll(async () => {
    model = createSapModel({
      seed: 5,
      equipment: 120,
      fixedAssets: 30,
      employees: 10,
      clock: () => new Date("2026-02-02T10:00:00Z"),
    });
    sap = await startSapSimulator({
      model,
      services: { equipment: { maxPageSize: 20, defaultPageSize: 10 } },
    });
  });
  afterAll(() => sap.close());

  it("caps a page below $top per service and answers with a numeric (offset) skiptoken next link", async () => {
    const page = await get(`${EQUIPMENT}?$top=50&$select=Equipment,ValidityEndDate`);
    expect(page.d.results).toHaveLength(20);
    expect(page.d.__next).toBe(
      `${sap.url}${EQUIPMENT}?$skiptoken=20&$top=50&$select=Equipment,ValidityEndDate`,
    );
    const second = await get(page.d.__next ?? "");
    const third = await get(second.d.__next ?? "");
    expect([second.d.results.length, third.d.results.length, third.d.__next]).toEqual([20, 10, undefined]);
    expect((await get(`${EQUIPMENT}?$select=Equipment`)).d.results).toHaveLength(10);
    // other services keep their own limits (RAP: 100 without $top)
    expect((await get(`${FA}?$select=MasterFixedAsset`)).value.length).toBeGreaterThan(20);
  });

  it("shifts offset pages when rows are inserted or deleted during a listing: rows repeat or are skipped", async () => {
    const listing = async (change: () => void): Promise<Row[]> => {
      const rows: Row[] = [];
      let next: string | undefined = `${EQUIPMENT}?$top=5000&$select=Equipment,ValidityEndDate`;
      let first = true;
      while (next) {
        const page = await get(next);
        rows.push(...page.d.results);
        next = page.d.__next;
        if (first) change();
        first = false;
      }
      return rows;
    };
    const truth = async () => (await listing(() => {})).map(keyOf);
    // an insert before the offset (a new validity segment of an equipment already listed) repeats a row
    const repeated = await listing(() =>
      model.changeEquipmentFrom("10000001", "2026-06-01", { CostCenter: "1" }),
    );
    const keys = repeated.map(keyOf);
    expect(new Set(keys).size).toBeLessThan(keys.length);
    // a physical delete before the offset skips a row that exists throughout
    const before = await truth();
    expect(new Set(before).size).toBe(before.length);
    const skipped = await listing(() => model.deleteEquipment("10000003"));
    const seen = new Set(skipped.map(keyOf));
    const after = new Set(await truth());
    const lost = before.filter((k) => after.has(k) && !seen.has(k));
    expect(lost).toHaveLength(1);
  });

  it("keyset paging ($orderby keys, $filter key gt last) neither loses nor repeats rows under the same changes", async () => {
    const keyset = async (change: () => void): Promise<Row[]> => {
      const rows: Row[] = [];
      let last: Row | undefined;
      for (let round = 0; ; round++) {
        const after = last
          ? `&$filter=${q(`Equipment gt '${last.Equipment}' or (Equipment eq '${last.Equipment}' and ValidityEndDate gt datetime'${new Date(Number(/\d+/.exec(last.ValidityEndDate)?.[0])).toISOString().slice(0, 19)}')`)}`
          : "";
        const page = await get(
          `${EQUIPMENT}?$top=20&$orderby=Equipment,ValidityEndDate&$select=Equipment,ValidityEndDate${after}`,
        );
        rows.push(...page.d.results);
        if (round === 0) change();
        if (page.d.results.length < 20) return rows;
        last = page.d.results.at(-1);
      }
    };
    const before = (await keyset(() => {})).map(keyOf);
    expect(before.length).toBeGreaterThan(100);
    const gone = model.equipmentSegments("10000005").length;
    const rows = await keyset(() => {
      model.changeEquipmentFrom("10000004", "2026-07-01", { CostCenter: "2" });
      model.deleteEquipment("10000005");
    });
    const keys = rows.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    const now = new Set((await keyset(() => {})).map(keyOf));
    expect(now.size).toBe(before.length + 1 - gone); // one segment more, one equipment less
    expect(before.filter((k: string) => now.has(k) && !keys.includes(k))).toEqual([]);
  });

  it("offers a cursor skiptoken mode and applies page faults (empty, duplicate, looping next links)", async () => {
    sap.setService("equipment", { skiptoken: "cursor" });
    const page = await get(`${EQUIPMENT}?$top=30&$select=Equipment`);
    expect(page.d.__next).toMatch(/\$skiptoken=[A-Za-z0-9_-]{8,}&\$top=30/);
    expect((await get(page.d.__next ?? "")).d.results).toHaveLength(10);
    sap.setService("equipment", { skiptoken: "offset" });
    sap.faults.inject({ kind: "loopNextLink", match: /API_EQUIPMENT/, times: 1 });
    const looped = await get(`${EQUIPMENT}?$top=50&$select=Equipment&$skiptoken=20`);
    expect(looped.d.__next).toContain("$skiptoken=0&");
    sap.faults.inject({ kind: "duplicatePage", match: /API_EQUIPMENT/, times: 1 });
    const dup = await get(`${EQUIPMENT}?$top=50&$select=Equipment`);
    expect(dup.d.__next).toContain("$skiptoken=0&");
  });
});

describe("SAP simulator: logon, OAuth, client certificates, switches and errors", () => {
  let now = Date.parse("2026-02-02T10:00:00Z");
  const model = createSapModel({
    seed: 8,
    equipment: 10,
    fixedAssets: 5,
    employees: 10,
    clock: () => new Date(now),
  });
  let sap: SapSimulator;
  beforeAll(async () => {
    sap = await startSapSimulator({
      model,
      oauth: { clientId: "HUB_CLIENT", clientSecret: "s3cret", tokenLifetimeSeconds: 600 },
    });
  });
  afterAll(() => sap.close());
  const call = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(`${sap.url}${path}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  it("answers failed logons with 401 and an HTML logon page, a wrong client with its own text", async () => {
    const wrong = await call(EQUIPMENT, { authorization: `Basic ${btoa("SIM_USER:nope")}` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("content-type")).toMatch(/^text\/html/);
    expect(wrong.headers.get("www-authenticate")).toBe(
      'Basic realm="SAP NetWeaver Application Server [S4H/100]"',
    );
    expect(wrong.text).toContain("<title>Logon Error Message</title>");
    const client = await call(`${EQUIPMENT}?sap-client=999`, basic);
    expect(client.status).toBe(401);
    expect(client.text).toContain("Client 999 is not available in this system");
  });

  it("issues OAuth client-credentials tokens that expire", async () => {
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    const token = async (auth: string) =>
      fetch(`${sap.url}/sap/bc/sec/oauth2/token?sap-client=100`, {
        method: "POST",
        headers: {
          authorization: `Basic ${btoa(auth)}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: form,
      });
    const denied = await token("HUB_CLIENT:wrong");
    expect([denied.status, ((await denied.json()) as { error: string }).error]).toEqual([
      401,
      "invalid_client",
    ]);
    const granted = (await (await token("HUB_CLIENT:s3cret")).json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
    };
    expect(granted).toMatchObject({ token_type: "Bearer", expires_in: 600 });
    const bearer = { authorization: `Bearer ${granted.access_token}` };
    expect((await call(`${EQUIPMENT}?$top=1`, bearer)).status).toBe(200);
    now += 601_000;
    const expired = await call(`${EQUIPMENT}?$top=1`, bearer);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it("answers a missing scenario, an inactive v2 and an unpublished v4 service with their SAP codes", async () => {
    sap.setService("businessPartner", { scenarioGranted: false });
    const scenario = await call("/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner", basic);
    expect([scenario.status, JSON.parse(scenario.text).error.code]).toEqual([403, "/IWFND/CM_CONSUMER/101"]);
    expect(scenario.headers.get("sap-transaction-id")).toBe(
      JSON.parse(scenario.text).error.innererror.transactionid,
    );
    sap.setService("businessPartner", { scenarioGranted: true });
    sap.setService("equipment", { state: "inactive" });
    const inactive = await call(EQUIPMENT, basic);
    expect([inactive.status, JSON.parse(inactive.text).error.code]).toEqual([403, "/IWFND/MED/170"]);
    sap.setService("equipment", { state: "active" });
    sap.setService("fixedAsset", { state: "unpublished" });
    const unpublished = await call(FA, basic);
    const body = JSON.parse(unpublished.text).error;
    expect([unpublished.status, body.code, typeof body.message]).toEqual([
      404,
      "/IWBEP/CM_V4_COS/014",
      "string",
    ]);
    expect(body.innererror.ErrorDetails["@SAP__common.TransactionId"]).toBe(
      unpublished.headers.get("sap-transaction-id"),
    );
    sap.setService("fixedAsset", { state: "active" });
  });

  it("sends sap-message headers, 429 from API management and 503/504 from faults", async () => {
    sap.setService("equipment", {
      sapMessage: { code: "IEQ/101", message: "Equipment list may be incomplete", severity: "warning" },
    });
    const ok = await call(`${EQUIPMENT}?$top=1`, basic);
    expect(JSON.parse(ok.headers.get("sap-message") ?? "{}")).toEqual({
      code: "IEQ/101",
      message: "Equipment list may be incomplete",
      severity: "warning",
      target: "",
      transition: false,
      details: [],
    });
    sap.faults.inject({ kind: "throttle", retryAfterSeconds: 30, times: 1 });
    const throttled = await call(EQUIPMENT, basic);
    expect([throttled.status, throttled.headers.get("retry-after")]).toEqual([429, "30"]);
    sap.faults.inject({ kind: "unavailable", times: 1 });
    expect((await call(EQUIPMENT, basic)).status).toBe(503);
    sap.faults.inject({ kind: "gatewayTimeout", times: 1 });
    expect((await call(EQUIPMENT, basic)).status).toBe(504);
  });

  it("accepts X.509 client certificates over mTLS: from the trusted CA or by fingerprint", async () => {
    const certs = createMtlsCertificates({ selfSigned: ["pinned", "stranger"] });
    const pairs: Record<string, { cert: string; key: string } | undefined> = {
      client: certs.client,
      ...certs.selfSigned,
    };
    const tlsSap = await startSapSimulator({
      model,
      tls: { key: certs.server.key, cert: certs.server.cert, ca: certs.ca.cert },
      clientCertificates: {
        fingerprints256: [new X509Certificate(certs.selfSigned.pinned.cert).fingerprint256],
      },
    });
    const status = (who?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          `${tlsSap.url}${EQUIPMENT}?$top=1`,
          { ca: certs.server.cert, ...(who ? { key: pairs[who]?.key, cert: pairs[who]?.cert } : {}) },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end();
      });
    try {
      expect(await status("client")).toBe(200);
      expect(await status("pinned")).toBe(200);
      expect(await status("stranger")).toBe(401);
      expect(await status()).toBe(401);
    } finally {
      await tlsSap.close();
    }
  });
});

describe("SAP simulator over msw: the same answers as over HTTP", () => {
  const BASE = "https://s4.example.com";
  const model = createSapModel({
    seed: 13,
    equipment: 30,
    fixedAssets: 10,
    employees: 20,
    clock: () => new Date("2026-01-01T00:00:00Z"),
  });
  const server = setupServer(
    ...createSapHandlers(model, {
      baseUrl: BASE,
      faults: createFaultController(1),
      services: { equipment: { maxPageSize: 7 } },
    }),
  );
  let sap: SapSimulator;
  beforeAll(async () => {
    server.listen({ onUnhandledFrame: "bypass" });
    sap = await startSapSimulator({ model, services: { equipment: { maxPageSize: 7 } } });
  });
  afterAll(async () => {
    server.close();
    await sap.close();
  });

  it("serves byte-identical pages, metadata and expansions", async () => {
    for (const path of [
      `${EQUIPMENT}?$top=10&$filter=${q("Equipment ge '10000003'")}`,
      "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner?$top=3&$expand=to_BusinessPartnerRole",
      `${FA}?$expand=_FixedAssetAssgmt&$top=4`,
      "/sap/opu/odata/sap/API_EQUIPMENT/$metadata",
    ]) {
      const viaHttp = await (await fetch(`${sap.url}${path}`, { headers: basic })).text();
      const viaMsw = await (await fetch(`${BASE}${path}`, { headers: basic })).text();
      expect(viaMsw.replaceAll(BASE, "")).toBe(viaHttp.replaceAll(sap.url, ""));
    }
    const unauth = await fetch(`${BASE}${EQUIPMENT}`);
    expect([unauth.status, unauth.headers.get("content-type")]).toEqual([401, "text/html; charset=utf-8"]);
  });
});
