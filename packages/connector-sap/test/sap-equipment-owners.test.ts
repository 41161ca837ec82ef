import type { SapSimulatorOptions } from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedOwnerPartners } from "./fixtures/expected-store";
import { SAP_PASSWORD, sapSettings, setupSap, testClock } from "./fixtures/setup-sap";

type Setup = Awaited<ReturnType<typeof setupSap>>;

const EQUIPMENT = "/sap/opu/odata/sap/API_EQUIPMENT/Equipment";
const TENANT = "host-tenant";
const HOUR = 3_600_000;
const SIZES = { equipment: 400, employees: 150, fixedAssets: 0 };

/** Equipment with owners from partner function VW, employees as business partners; sweeps hourly. */
function setupOwners(seed: number, clock: ReturnType<typeof testClock>, sim: SapSimulatorOptions = {}) {
  return setupSap({
    sim: { ...sim, modelOptions: { ...SIZES, seed, clock: clock.now, ...sim.modelOptions } },
    settings: {
      sources: { equipment: { ownerPartnerFunction: "VW" }, employees: { mode: "businessPartner" } },
      pageSize: 100,
      fullSweepHours: 1,
    },
    connector: { clock: clock.now },
  });
}

async function sync(env: Setup, integrationId = env.integrationId) {
  const log = await env.hub.syncNow(integrationId);
  expect(log.status, JSON.stringify(log.errors.slice(0, 3))).toBe("success");
  return log;
}

/** The host users the SAP integration links, by business partner number. */
async function employeeUsers(env: Setup): Promise<Map<string, string>> {
  const links = await env.storage.inspect.listLinks(env.integrationId, { limit: 100_000 });
  return new Map(links.map((l) => [l.externalId, l.userId]));
}

/**
 * Checks, through the hub's record APIs, that every equipment's owner is what the model's partners say: the host
 * user linked to its VW business partner, or no owner. Returns the owners and the users.
 */
async function expectOwnersToMatch(env: Setup) {
  const expected = expectedOwnerPartners(env.sim.model);
  const records = new Map(
    (await env.hub.records.list(env.integrationId, "asset"))
      .filter((r) => !r.removed && !r.pendingRemoval)
      .map((r) => [r.externalId, r]),
  );
  const users = await employeeUsers(env);
  const emails = new Map((await env.storage.inspect.listUsers()).map((u) => [u.id, u.email]));
  expect(new Set(records.keys())).toEqual(new Set(expected.keys()));
  const unresolved: string[] = [];
  const byUser = new Map<string, string[]>();
  for (const [id, partner] of expected) {
    const record = records.get(id);
    expect(record?.data.ownerPartner, id).toBe(partner ?? undefined);
    if (partner === null) {
      expect(record?.owner, id).toBeNull();
      unresolved.push(id);
      continue;
    }
    const userId = users.get(partner) ?? null;
    expect(record?.owner, id).toMatchObject({ externalUserId: partner, source: "sap", userId });
    if (userId === null) {
      unresolved.push(id);
      continue;
    }
    byUser.set(userId, [...(byUser.get(userId) ?? []), id]);
    // the host user is that employee: the business partner's default e-mail
    const parts = env.sim.model.businessPartnerParts(partner);
    const email = (parts.emails.find((e) => e.IsDefaultEmailAddress === true) ?? parts.emails[0])
      ?.EmailAddress;
    expect(emails.get(userId), id).toBe(String(email).trim().toLowerCase());
  }
  const unowned = (await env.hub.records.listUnowned(TENANT, "asset", { limit: 100_000 }))
    .filter((r) => r.integrationId === env.integrationId)
    .map((r) => r.externalId);
  expect(unowned.sort()).toEqual(unresolved.sort());
  for (const [userId, assets] of [...byUser].slice(0, 5)) {
    const owned = await env.hub.records.listByOwner(userId, { kind: "asset" });
    expect(owned.map((r) => r.externalId).sort()).toEqual(assets.sort());
  }
  return { expected, records, users, owned: expected.size - unresolved.length };
}

/** An owned equipment and an employee (business partner) who does not own it yet, and a second owned one. */
async function pickChange(env: Setup) {
  const { records, users } = await expectOwnersToMatch(env);
  const owned = [...records.values()].filter((r) => r.owner?.userId);
  const [moved, dropped] = owned as [(typeof owned)[number], (typeof owned)[number]];
  const [partner, userId] = [...users].find(([, user]) => user !== moved.owner?.userId) as [string, string];
  return { moved: moved.externalId.slice("equipment/".length), dropped: dropped.externalId, partner, userId };
}

describe("equipment owners from a partner function; a partner change does not stamp the equipment", () => {
  const clock = testClock(Date.parse("2026-03-02T09:00:00Z"));
  let env: Setup;
  beforeAll(async () => {
    env = await setupOwners(41, clock);
  }, 60_000);
  afterAll(() => env?.sim.close());

  it("after a sync each equipment is owned by the host user of its VW employee; none without a VW partner", async () => {
    const log = await sync(env);
    expect(log.mode).toBe("full");
    const equipmentReads = env.sim.requests.filter(EQUIPMENT);
    expect(equipmentReads.length).toBeGreaterThan(3);
    for (const r of equipmentReads) expect(r.path).toContain("$expand=to_Partner");
    const { expected, records, owned } = await expectOwnersToMatch(env);
    expect(owned).toBeGreaterThan(expected.size * 0.6);
    // some have no VW partner, some only an AB partner (not the owner), some two VW partners (counter 1 owns)
    const partners = (id: string) => env.sim.model.equipmentPartners(id.slice("equipment/".length));
    const functions = (id: string) => partners(id).map((p) => p.PartnerFunction);
    const ids = [...expected.keys()];
    expect(ids.filter((id) => expected.get(id) === null).length).toBeGreaterThan(10);
    const abOnly = ids.filter((id) => functions(id).join() === "AB");
    expect(abOnly.length).toBeGreaterThan(0);
    for (const id of abOnly) expect(records.get(id)?.owner).toBeNull();
    const twoVw = ids.filter((id) => functions(id).filter((f) => f === "VW").length === 2);
    expect(twoVw.length).toBeGreaterThan(0);
    for (const id of twoVw)
      expect(records.get(id)?.owner?.externalUserId).toBe(
        partners(id).find((p) => p.PartnerFunction === "VW" && p.EquipmentPartnerObjectNmbr === "000001")
          ?.Partner,
      );
  });

  it("a partner change the service does not stamp is invisible to the incremental run; the sweep picks it up", async () => {
    const change = await pickChange(env);
    clock.advance(60_000);
    env.sim.model.setEquipmentPartner(change.moved, "VW", change.partner);
    env.sim.model.setEquipmentPartner(change.dropped.slice("equipment/".length), "VW", null);
    clock.advance(60_000);
    const incremental = await sync(env);
    expect(incremental.mode).toBe("incremental");
    const stale = await env.hub.records.list(env.integrationId, "asset");
    expect(stale.find((r) => r.externalId === `equipment/${change.moved}`)?.owner?.userId).not.toBe(
      change.userId,
    );
    expect(stale.find((r) => r.externalId === change.dropped)?.owner).not.toBeNull();

    clock.advance(2 * HOUR);
    const sweep = await sync(env);
    expect(sweep.mode).toBe("full");
    const { records } = await expectOwnersToMatch(env);
    expect(records.get(`equipment/${change.moved}`)?.owner?.userId).toBe(change.userId);
    expect(records.get(change.dropped)?.owner).toBeNull();
    const owned = await env.hub.records.listByOwner(change.userId, { kind: "asset" });
    expect(owned.map((r) => r.externalId)).toContain(`equipment/${change.moved}`);
  });

  it("without ownerPartnerFunction: no $expand and no owners", async () => {
    const integration = await env.hub.integrations.create({
      tenantId: TENANT,
      connectorId: "sap",
      name: "SAP equipment without owners",
      settings: sapSettings(env.sim, { sources: { equipment: {} } }),
      secrets: { password: SAP_PASSWORD },
      intervalMinutes: 60,
    });
    env.sim.requests.clear();
    await sync(env, integration.id);
    expect(env.sim.requests.filter(EQUIPMENT).some((r) => r.path.includes("$expand"))).toBe(false);
    const records = await env.hub.records.list(integration.id, "asset");
    expect(records.length).toBeGreaterThan(300);
    for (const record of records) {
      expect(record.owner).toBeNull();
      expect(record.data).not.toHaveProperty("ownerPartner");
    }
  });

  it("with 50 plants and owners, every request (keyset pages, connection test) stays under the URL cap", async () => {
    const plants = [
      "1010",
      "1710",
      "2010",
      ...Array.from({ length: 47 }, (_, i) => `P${String(i).padStart(3, "0")}`),
    ];
    const integration = await env.hub.integrations.create({
      tenantId: TENANT,
      connectorId: "sap",
      name: "SAP equipment of 50 plants",
      settings: sapSettings(env.sim, {
        sources: { equipment: { plants, ownerPartnerFunction: "VW" } },
        pageSize: 50,
      }),
      secrets: { password: SAP_PASSWORD },
      intervalMinutes: 60,
    });
    env.sim.requests.clear();
    expect((await env.hub.testConnection(integration.id)).ok).toBe(true);
    const log = await sync(env, integration.id);
    const reads = env.sim.requests.filter(EQUIPMENT);
    expect(reads.some((r) => decodeURIComponent(r.path).includes("Equipment gt '"))).toBe(true);
    for (const r of reads) {
      expect(r.path).toContain("$expand=to_Partner");
      expect(`${env.sim.url}${r.path}`.length).toBeLessThan(4096);
    }
    expect(reads[0]?.path).toContain("$top=1&");
    expect(log.countsByKind?.asset?.created).toBe(expectedOwnerPartners(env.sim.model).size);
  });
});

describe("equipment owners; a partner change stamps the equipment (partnerChangesStampEquipment)", () => {
  const clock = testClock(Date.parse("2026-05-11T07:30:00Z"));
  let env: Setup;
  beforeAll(async () => {
    env = await setupOwners(42, clock, { modelOptions: { partnerChangesStampEquipment: true } });
  }, 60_000);
  afterAll(() => env?.sim.close());

  it("the next incremental run picks up a new owner and a removed one", async () => {
    await sync(env);
    const change = await pickChange(env);
    clock.advance(60_000);
    env.sim.model.setEquipmentPartner(change.moved, "VW", change.partner);
    env.sim.model.setEquipmentPartner(change.dropped.slice("equipment/".length), "VW", null);
    clock.advance(60_000);
    const log = await sync(env);
    expect(log.mode).toBe("incremental");
    expect(log.countsByKind?.asset?.updated).toBe(2);
    const { records } = await expectOwnersToMatch(env);
    expect(records.get(`equipment/${change.moved}`)?.owner?.userId).toBe(change.userId);
    expect(records.get(`equipment/${change.moved}`)?.data.ownerPartner).toBe(change.partner);
    expect(records.get(change.dropped)?.owner).toBeNull();
  });
});
