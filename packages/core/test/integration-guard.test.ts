import { describe, expect, it } from "vitest";
import { setupHub } from "./fixtures/setup-hub";

const pid = (n: number) => `p${String(n).padStart(6, "0")}`;

describe("the mass-deactivation guard per integration", () => {
  it("uses the integration's own threshold and minimum over the hub's", async () => {
    const { hub, directory, id } = await setupHub({
      people: 100,
      pageSize: 25,
      hub: { guard: { maxShare: 0.5 } },
    });
    await hub.integrations.update(id, { guard: { maxShare: 0.02, minCount: 3 } });
    await hub.syncNow(id);
    for (let i = 0; i < 5; i++) directory.remove(pid(i));
    const blocked = await hub.syncNow(id);
    expect(blocked).toMatchObject({ status: "failed", failureCode: "MASS_DEACTIVATION_BLOCKED" });
    expect(blocked.errors.at(-1)?.message).toContain("more than the allowed 3");
    await hub.discardDeactivations(id);

    await hub.integrations.update(id, { guard: null });
    expect((await hub.integrations.get(id)).guard).toBeUndefined();
    for (let i = 5; i < 10; i++) directory.remove(pid(i));
    const allowed = await hub.syncNow(id);
    expect(allowed).toMatchObject({ status: "success", counts: { deactivated: 5 } });
  });

  it("takes fields the integration leaves out from the hub's guard", async () => {
    const { hub, directory, id } = await setupHub({
      people: 100,
      pageSize: 25,
      hub: { guard: { minCount: 2 } },
    });
    await hub.integrations.update(id, { guard: { maxShare: 0 } });
    await hub.syncNow(id);
    for (let i = 0; i < 3; i++) directory.remove(pid(i));
    expect(await hub.syncNow(id)).toMatchObject({ failureCode: "MASS_DEACTIVATION_BLOCKED" });
  });

  it("is stored with the integration, audited, and validated with a path", async () => {
    const { hub, id, integration } = await setupHub();
    expect(integration.guard).toBeUndefined();
    const updated = await hub.integrations.update(id, { guard: { maxShare: 0.1, minCount: 50 } });
    expect(updated.guard).toEqual({ maxShare: 0.1, minCount: 50 });
    const [entry] = await hub.auditLog({ integrationId: id, limit: 1 });
    expect(entry).toMatchObject({ action: "integration.updated", details: { fields: ["guard"] } });
    await expect(
      hub.integrations.update(id, { guard: { maxShare: 1.5, minCount: -1 } }),
    ).rejects.toMatchObject({
      code: "CONFIG_INVALID",
      issues: [{ path: ["guard", "maxShare"] }, { path: ["guard", "minCount"] }],
    });
    await expect(
      hub.integrations.create({
        tenantId: "t",
        connectorId: "fake",
        name: "x",
        settings: { pageSize: 10 },
        intervalMinutes: 60,
        guard: { threshold: 0.1 } as never,
      }),
    ).rejects.toMatchObject({ code: "CONFIG_INVALID", issues: [{ path: ["guard"] }] });
    const created = await hub.integrations.create({
      tenantId: "t",
      connectorId: "fake",
      name: "y",
      settings: { pageSize: 10 },
      intervalMinutes: 60,
      guard: { minCount: 0 },
    });
    expect((await hub.integrations.get(created.id)).guard).toEqual({ minCount: 0 });
  });

  it("refuses a hub whose guard option is invalid", async () => {
    await expect(setupHub({ hub: { guard: { maxShare: 2 } } })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
    });
  });
});
