import { ConfigError, createHub, createMemoryStorage } from "@uslimato/core";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { describe, expect, it } from "vitest";
import { createTestVault } from "./fixtures/test-vault";

function hubFor(plan = "professional") {
  const directory = new FakeDirectory();
  return createHub({
    storage: createMemoryStorage(),
    vault: createTestVault(),
    connectors: [createFakeConnector(directory)],
    plan,
  });
}

describe("integration configuration", () => {
  it("collects every problem with its path", async () => {
    const hub = hubFor();
    const error = await hub.integrations
      .create({
        tenantId: "t",
        connectorId: "fake",
        name: "x",
        settings: { pageSize: 0 },
        // @ts-expect-error the types refuse an unknown secret name too; this test proves the run-time check
        secrets: { apiKey: "x1y2z3", other: "x" },
        intervalMinutes: 30,
        direction: "outbound",
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.map((i) => i.path.join("."));
    expect(issues).toEqual(
      expect.arrayContaining([
        "settings.pageSize",
        "secrets.apiKey",
        "secrets.other",
        "direction",
        "intervalMinutes",
      ]),
    );
    expect((error as ConfigError).message).toMatch(/Professional plan's minimum of 1 h/);
    expect((error as ConfigError).message).not.toContain("x1y2z3");
  });

  it("refuses unknown connectors and plans without the Interface Hub", async () => {
    await expect(
      hubFor().integrations.create({
        tenantId: "t",
        // @ts-expect-error the types refuse an unknown connector id too; this test proves the run-time check
        connectorId: "nope",
        name: "x",
        settings: {},
        intervalMinutes: 60,
      }),
    ).rejects.toMatchObject({ code: "CONNECTOR_UNKNOWN" });
    await expect(
      hubFor("starter").integrations.create({
        tenantId: "t",
        connectorId: "fake",
        name: "x",
        settings: {},
        intervalMinutes: 300,
      }),
    ).rejects.toMatchObject({ code: "PLAN_NOT_ENTITLED" });
  });

  it("updates with optimistic concurrency, audits changes, and only ever shows 'configured'", async () => {
    const hub = hubFor("enterprise");
    const created = await hub.integrations.create({
      tenantId: "t",
      connectorId: "fake",
      name: "x",
      settings: {},
      intervalMinutes: 60,
    });
    expect(created.secrets).toEqual([{ name: "apiKey", configured: false, updatedAt: null }]);
    expect(created.settings).toEqual({ pageSize: 100 });
    const updated = await hub.integrations.update(created.id, {
      intervalMinutes: 30,
      secrets: { apiKey: "a-new-api-key" },
      expectedRevision: 1,
    });
    expect(updated).toMatchObject({
      intervalMinutes: 30,
      revision: 2,
      secrets: [{ name: "apiKey", configured: true }],
    });
    await expect(
      hub.integrations.update(created.id, { name: "y", expectedRevision: 1 }),
    ).rejects.toMatchObject({ code: "STORAGE_CONFLICT" });
    const disabled = await hub.integrations.disable(created.id);
    expect(disabled.enabled).toBe(false);
    const actions = (await hub.auditLog({ integrationId: created.id })).map((e) => e.action);
    expect(actions).toEqual([
      "integration.disabled",
      "secret.set",
      "integration.updated",
      "integration.created",
    ]);
    await expect(hub.syncNow(created.id, { trigger: "schedule" })).rejects.toMatchObject({
      code: "INTEGRATION_DISABLED",
    });
    await hub.integrations.remove(created.id);
    await expect(hub.integrations.get(created.id)).rejects.toMatchObject({ code: "INTEGRATION_NOT_FOUND" });
  });
});

describe("integration events and connector context", () => {
  it("tells listeners about lifecycle changes and lends the connector context", async () => {
    const hub = hubFor("enterprise");
    const events: string[] = [];
    hub.onIntegrationEvent((e) => {
      events.push(e.type);
    });
    const created = await hub.integrations.create({
      tenantId: "t",
      connectorId: "fake",
      name: "x",
      settings: {},
      secrets: { apiKey: "an-api-key-123" },
      intervalMinutes: 60,
    });
    await hub.integrations.update(created.id, { name: "y" });
    await hub.integrations.disable(created.id);
    await hub.integrations.enable(created.id);
    const seen = await hub.withConnectorContext(created.id, async (ctx) => {
      await ctx.state.put("subscription:1", "client-state-value");
      return { key: ctx.secrets.apiKey?.reveal(), state: (await ctx.state.get("subscription:1"))?.reveal() };
    });
    expect(seen).toEqual({ key: "an-api-key-123", state: "client-state-value" });
    expect((await hub.integrations.get(created.id)).secrets.map((s) => s.name)).toEqual(["apiKey"]);
    await hub.integrations.remove(created.id);
    expect(events).toEqual(["created", "updated", "disabled", "enabled", "deleting"]);
  });
});
