import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedState, hostState } from "./fixtures/expected-store";
import { setupSap, testClock } from "./fixtures/setup-sap";

// The sizes (50,000 equipment, 10,000 fixed assets, 5,000 employees) run with SAP_E2E_FULL=1; the default
// run uses a tenth of them so the suite stays fast on a shared machine. The steps and checks are the same.
const FULL = process.env.SAP_E2E_FULL === "1";
const SIZES = FULL
  ? { equipment: 50_000, fixedAssets: 10_000, employees: 5_000 }
  : { equipment: 5_000, fixedAssets: 1_000, employees: 500 };
const DAY = 86_400_000;

describe(`SAP end to end over HTTP (${SIZES.equipment} equipment, ${SIZES.fixedAssets} fixed assets, ${SIZES.employees} employees)`, () => {
  const clock = testClock(Date.parse("2026-03-02T09:00:00Z"));
  let ctx: Awaited<ReturnType<typeof setupSap>>;
  const sync = async (full = false) => {
    const log = await ctx.hub.syncNow(ctx.integrationId, full ? { full: true } : {});
    expect(log.status, JSON.stringify(log.errors.slice(0, 3))).toBe("success");
    return log;
  };
  const assertRules = async () => {
    const expected = expectedState(ctx.sim.model);
    const host = await hostState(ctx.storage, ctx.integrationId);
    expect([...host.assets].filter((id) => !expected.assets.has(id))).toEqual([]);
    expect([...expected.assets].filter((id) => !host.assets.has(id))).toEqual([]);
    expect([...host.emails].filter((e) => !expected.emails.has(e))).toEqual([]);
    expect([...expected.emails].filter((e) => !host.emails.has(e))).toEqual([]);
    return { expected, host };
  };

  beforeAll(async () => {
    ctx = await setupSap({
      sim: {
        modelOptions: { ...SIZES, seed: 19, clock: clock.now },
        services: { equipment: { maxPageSize: 700 }, fixedAsset: { maxPageSize: 400 } },
      },
      settings: { pageSize: 1000 },
      connector: { clock: clock.now },
    });
  }, 120_000);
  afterAll(() => ctx?.sim.close());

  it("first run: a sweep of every source; the host equals the rules", { timeout: 300_000 }, async () => {
    const log = await sync();
    expect(log.mode).toBe("full");
    const { expected } = await assertRules();
    expect(expected.assets.size).toBeGreaterThan(SIZES.equipment * 0.8);
    expect(expected.emails.size).toBeGreaterThan(SIZES.employees * 0.5);
    // capped pages were never followed by their (offset) next links
    expect(ctx.sim.requests.entries.some((r) => r.path.includes("$skiptoken"))).toBe(false);
  });

  it("an incremental run picks up every change the service stamps; the sweep finds the rest", {
    timeout: 300_000,
  }, async () => {
    const m = ctx.sim.model;
    clock.advance(60_000);
    const added = m.addEquipment({ EquipmentName: "New laptop" });
    m.updateEquipment("10000003", { EquipmentName: "Renamed printer" });
    m.markEquipmentDeleted("10000004");
    m.deactivateEquipment("10000005");
    m.deleteEquipment("10000006");
    const asset = m.fixedAsset("000000100002");
    m.updateFixedAsset("000000100002", { FixedAssetDescription: "Renamed asset" });
    m.deleteFixedAsset("000000100003");
    const employees = [...(await hostState(ctx.storage, ctx.integrationId)).emails];
    const partnerOf = (email: string) => {
      for (let i = 0; i < SIZES.employees; i++) {
        const id = String(1_000_000 + i);
        if (m.businessPartnerParts(id).emails.some((e) => String(e.EmailAddress).toLowerCase() === email))
          return id;
      }
      throw new Error(email);
    };
    const [leaver, blocked, archived, mover, deleted] = employees.slice(0, 5).map(partnerOf) as string[];
    m.endEmployment(leaver!, new Date(clock.now().getTime() - DAY).toISOString().slice(0, 10));
    m.blockBusinessPartner(blocked!);
    m.markBusinessPartnerForArchiving(archived!);
    m.changeEmail(mover!, "moved.person@uslimato.example");
    m.deleteBusinessPartner(deleted!);
    const hired = m.addEmployee({
      FirstName: "Nia",
      LastName: "New",
      EmailAddress: "nia.new@uslimato.example",
    });
    clock.advance(60_000);

    const log = await sync();
    expect(log.mode).not.toBe("full");
    const host = await hostState(ctx.storage, ctx.integrationId);
    const expected = expectedState(ctx.sim.model);
    expect(host.assets.has(`equipment/${added.Equipment}`)).toBe(true);
    expect(host.assets.has("equipment/10000004")).toBe(false);
    expect(host.assets.has("equipment/10000005")).toBe(false);
    expect(host.emails.has("nia.new@uslimato.example")).toBe(true);
    expect(hired.BusinessPartner).toBeDefined();
    const renamed = (
      await ctx.storage.directory.findRecords(ctx.integrationId, "asset", ["equipment/10000003"])
    )[0];
    expect(renamed?.data.description).toBe("Renamed printer");
    expect(asset).toBeDefined();
    // invisible to incremental reads: physical deletes and an e-mail change that does not stamp the partner
    const invisible = new Set(["equipment/10000006", `fixedAsset/${asset?.CompanyCode}/000000100003/0000`]);
    expect([...expected.assets].filter((id) => !host.assets.has(id))).toEqual([]);
    expect([...host.assets].filter((id) => !expected.assets.has(id)).sort()).toEqual(
      [...invisible].filter((id) => host.assets.has(id)).sort(),
    );
    expect(host.assets.has("equipment/10000006")).toBe(true);
    expect(host.emails.has("moved.person@uslimato.example")).toBe(false);

    // a week later the sweep finds the physical deletes and the silent e-mail change
    clock.advance(7 * DAY);
    const sweep = await sync();
    expect(sweep.mode).toBe("full");
    const after = await assertRules();
    expect(after.host.assets.has("equipment/10000006")).toBe(false);
    expect(after.host.emails.has("moved.person@uslimato.example")).toBe(true);
  });

  it("a crash mid-source resumes after the last applied key", { timeout: 300_000 }, async () => {
    clock.advance(8 * DAY);
    const equipment = "/sap/opu/odata/sap/API_EQUIPMENT/Equipment";
    ctx.sim.faults.inject({ kind: "unavailable", match: equipment, after: 2, times: 20 });
    const failed = await ctx.hub.syncNow(ctx.integrationId);
    expect(failed.status).toBe("failed");
    ctx.sim.faults.clear();
    ctx.sim.requests.clear();
    await sync();
    const first = ctx.sim.requests.entries.find((r) => r.path.startsWith(equipment));
    expect(decodeURIComponent(first?.path ?? "")).toContain("Equipment gt '");
    await assertRules();
  });
});
