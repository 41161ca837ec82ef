import { createHub, createMemoryStorage } from "@uslimato/core";
import { defineConnector, type SourcePage } from "@uslimato/core/connector";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestVault } from "./fixtures/test-vault";

/** SAP-like employees: a personnel number and a cost center, no display name; a full listing every run. */
function employeeSource(people: Map<string, { email: string; costCenter: string }>) {
  return defineConnector({
    id: "sap-double",
    title: "SAP employees",
    settingsSchema: z.object({}),
    secretsSchema: z.object({}),
    secretNames: [],
    entities: ["user"],
    capabilities: { incremental: false, webhooks: false, directions: ["inbound"] },
    defaultMappings: {},
    testConnection: async () => ({ ok: true, steps: [] }),
    async *read() {
      const page: SourcePage = {
        kind: "user",
        upserts: [...people].map(([id, p]) => ({
          externalId: id,
          data: { email: p.email, personnelNumber: id, costCenter: p.costCenter },
        })),
        removals: [],
        checkpoint: null,
        fullScan: { first: true, last: true },
      };
      yield page;
    },
  });
}

async function setup() {
  const entraPeople = new FakeDirectory({ people: 3 });
  const employees = new Map([
    ["00000001", { email: "person.000000@example.com", costCenter: "CC-10" }],
    ["00000002", { email: "person.000001@example.com", costCenter: "CC-20" }],
  ]);
  const storage = createMemoryStorage();
  const hub = createHub({
    storage,
    vault: createTestVault(),
    connectors: [createFakeConnector(entraPeople, { id: "entra-double" }), employeeSource(employees)],
  });
  const entra = await hub.integrations.create({
    tenantId: "t1",
    connectorId: "entra-double",
    name: "Entra ID",
    settings: { pageSize: 10 },
    secrets: { apiKey: entraPeople.apiKey },
    intervalMinutes: 60,
  });
  const sap = await hub.integrations.create({
    tenantId: "t1",
    connectorId: "sap-double",
    name: "SAP",
    settings: {},
    secrets: {},
    intervalMinutes: 60,
  });
  const user = async (email: string) => (await storage.inspect.listUsers()).find((u) => u.email === email)!;
  return { hub, storage, entraPeople, employees, entra: entra.id, sap: sap.id, user };
}

describe("several sources per user (Entra + SAP employees)", () => {
  it("each integration updates only the fields its mapping produces", async () => {
    const { hub, entraPeople, entra, sap, user } = await setup();
    await hub.syncNow(entra);
    expect((await hub.syncNow(sap)).counts).toMatchObject({ created: 0, updated: 2 });
    expect(await user("person.000000@example.com")).toMatchObject({
      displayName: "Person 000000",
      attributes: { personnelNumber: "00000001", costCenter: "CC-10" },
    });
    entraPeople.update("p000000", { displayName: "Anna Example" });
    await hub.syncNow(entra);
    expect(await user("person.000000@example.com")).toMatchObject({
      displayName: "Anna Example",
      attributes: { personnelNumber: "00000001", costCenter: "CC-10" },
    });
  });

  it("a user leaves only when no enabled source still reports it active", async () => {
    const { hub, entraPeople, employees, entra, sap, user } = await setup();
    await hub.syncNow(entra);
    await hub.syncNow(sap);
    employees.delete("00000001");
    const sapRun = await hub.syncNow(sap);
    expect(sapRun.counts.deactivated).toBe(0);
    expect((await user("person.000000@example.com")).active).toBe(true);
    entraPeople.remove("p000000");
    expect((await hub.syncNow(entra)).counts.deactivated).toBe(1);
    expect((await user("person.000000@example.com")).active).toBe(false);
  });

  it("Entra disabling a user keeps it while SAP reports it; disabling SAP's integration lets it go", async () => {
    const { hub, entraPeople, entra, sap, user } = await setup();
    await hub.syncNow(entra);
    await hub.syncNow(sap);
    entraPeople.update("p000001", { active: false });
    expect((await hub.syncNow(entra)).counts.deactivated).toBe(0);
    expect((await user("person.000001@example.com")).active).toBe(true);
    await hub.integrations.disable(sap);
    entraPeople.update("p000001", { displayName: "Still disabled" });
    await hub.syncNow(entra, { full: true });
    expect((await user("person.000001@example.com")).active).toBe(false);
  });

  it("removing an integration never deactivates users another integration still reports", async () => {
    const { hub, storage, employees, entra, sap, user } = await setup();
    await hub.syncNow(entra);
    await hub.syncNow(sap);
    await hub.integrations.remove(entra);
    expect((await storage.inspect.listUsers()).every((u) => u.active)).toBe(true);
    employees.delete("00000002");
    expect((await hub.syncNow(sap)).counts.deactivated).toBe(1);
    expect((await user("person.000001@example.com")).active).toBe(false);
    expect((await user("person.000000@example.com")).active).toBe(true);
  });
});
