import { createHub, createMemoryStorage } from "@uslimato/core";
import { noopLogger } from "@uslimato/core/connector";
import { createMemoryState, openSecretsOf, runConnectorContract } from "@uslimato/core/testing";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHrConnector, type HrServer, startHrServer } from "../src/index";

// The path every new connector takes: core's contract suite against the service double...
runConnectorContract({
  connector: createHrConnector(),
  mapping: fieldMappingEngine(),
  setup: async () => {
    const hr = await startHrServer({ people: 120 });
    const [someone] = hr.directory.all();
    return {
      settings: { baseUrl: hr.url, pageSize: 25 },
      secrets: { apiKey: hr.apiKey },
      badSecrets: { apiKey: "not-the-right-key-0000" },
      mutate: async () => {
        hr.directory.update(someone!.id, { name: "Changed Name" });
        hr.directory.add({ email: "added@acme-hr.example", name: "Added Person" });
      },
      teardown: () => hr.close(),
    };
  },
});

// ...and a host's view of it: one hub, a full sync, changes, an incremental sync, a full resync.
describe("Acme HR through a hub", () => {
  let hr: HrServer;
  beforeAll(async () => {
    hr = await startHrServer({ people: 300 });
  });
  afterAll(() => hr.close());

  it("syncs people, then only their changes, and deactivates the deleted on a full resync", async () => {
    const storage = createMemoryStorage();
    const keyRing = createKeyRing({ keys: [{ id: "test", key: generateKey() }], activeKeyId: "test" });
    const hub = createHub({
      storage,
      vault: createCredentialStore({ keyRing }),
      connectors: [createHrConnector()],
      mapping: fieldMappingEngine(),
    });
    const { id } = await hub.integrations.create({
      tenantId: "host-1",
      connectorId: "acme-hr",
      name: "Acme HR",
      settings: { baseUrl: hr.url, pageSize: 100 },
      secrets: { apiKey: hr.apiKey },
      intervalMinutes: 60,
    });
    expect(await hub.testConnection(id)).toMatchObject({ ok: true });
    const first = await hub.syncNow(id);
    expect(first).toMatchObject({ mode: "full", status: "success", pages: 3, counts: { created: 300 } });

    const [renamed, leaving, deleted] = hr.directory.all();
    hr.directory.update(renamed!.id, { name: "Ada King", email: renamed!.email.toUpperCase() });
    hr.directory.update(leaving!.id, { active: false });
    hr.directory.remove(deleted!.id);
    hr.directory.add({ email: "new.hire@acme-hr.example", name: "New Hire" });
    hr.requests.length = 0;
    const incremental = await hub.syncNow(id);
    expect(incremental).toMatchObject({ mode: "incremental", status: "success" });
    expect(incremental.counts).toMatchObject({ created: 1, updated: 1, deactivated: 1, failed: 0 });
    expect(hr.requests.every((r) => r.includes("updatedSince="))).toBe(true);

    const full = await hub.syncNow(id, { full: true });
    expect(full.counts).toMatchObject({ created: 0, updated: 0, deactivated: 1 });
    const users = await storage.inspect.listUsers({ integrationId: id, limit: 1000 });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get(renamed!.email)).toMatchObject({ displayName: "Ada King", active: true });
    expect(byEmail.get(leaving!.email)?.active).toBe(false);
    expect(byEmail.get(deleted!.email)?.active).toBe(false);
    expect(byEmail.get("new.hire@acme-hr.example")).toMatchObject({ role: "viewer", active: true });
  });

  it("names the failing step, a code and a remedy, and never echoes the key", async () => {
    const connector = createHrConnector();
    const ctx = {
      integrationId: "i1",
      tenantId: "t1",
      settings: connector.settingsSchema.parse({ baseUrl: hr.url }),
      logger: noopLogger,
      signal: new AbortController().signal,
      state: createMemoryState(),
    };
    const wrong = await connector.testConnection({
      ...ctx,
      secrets: openSecretsOf({ apiKey: "wrong-key-0123456789" }),
    });
    expect(wrong).toMatchObject({ ok: false, failedStep: "authenticate", code: "INVALID_API_KEY" });
    expect(wrong.ok === false && wrong.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(wrong)).not.toContain("wrong-key-0123456789");
    expect(await connector.testConnection({ ...ctx, secrets: {} })).toMatchObject({
      code: "API_KEY_MISSING",
    });
  });
});
