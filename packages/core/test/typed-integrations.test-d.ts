import {
  type AnyConnector,
  type CreateIntegrationInput,
  type CredentialVault,
  createHub,
  createMemoryStorage,
  type Hub,
  type IntegrationView,
  type UpdateIntegrationInput,
} from "@uslimato/core";
import { type Connector, defineConnector } from "@uslimato/core/connector";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";

declare const vault: CredentialVault;
const storage = createMemoryStorage();

/** A third-party connector, defined with `defineConnector` and nothing else. */
const hr = defineConnector({
  id: "hr",
  title: "HR",
  settingsSchema: z.object({ baseUrl: z.url(), pageSize: z.number().int().default(100) }),
  secretsSchema: z.object({ apiKey: z.string() }).partial(),
  secretNames: ["apiKey"],
  entities: ["user"],
  capabilities: { incremental: false, webhooks: false, directions: ["inbound"] },
  defaultMappings: {},
  testConnection: async (ctx) => {
    expectTypeOf(ctx.settings).toEqualTypeOf<{ baseUrl: string; pageSize: number }>();
    expectTypeOf(ctx.secrets.apiKey?.reveal()).toEqualTypeOf<string | undefined>();
    return { ok: true, steps: [] };
  },
  async *read() {},
});

/** A connector typed loosely (plain string id, no settings input) whose settings are registered instead. */
declare function legacyConnector(): Connector<{ region: string }, "token">;
declare module "@uslimato/core" {
  interface ConnectorSettingsRegistry {
    "legacy-registered": { region: "eu" | "us" };
  }
}

const base = { tenantId: "t1", name: "x", intervalMinutes: 60 };

describe("createHub types hub.integrations.create from its connectors", () => {
  const hub = createHub({ storage, vault, connectors: [hr, createFakeConnector(new FakeDirectory())] });

  it("accepts each connector's id with its settings and secrets", () => {
    expectTypeOf(hub).toEqualTypeOf<Hub<typeof hr | ReturnType<typeof createFakeConnector<"fake">>>>();
    expectTypeOf(
      hub.integrations.create({
        ...base,
        connectorId: "hr",
        settings: { baseUrl: "https://hr.example" },
        secrets: { apiKey: "k" },
      }),
    ).toEqualTypeOf<Promise<IntegrationView>>();
    hub.integrations.create({ ...base, connectorId: "fake", settings: { pageSize: 10 } });
    hub.integrations.create({ ...base, connectorId: "fake", settings: {} });
  });

  it("refuses an unknown connector id", () => {
    // @ts-expect-error "entra" is not a connector of this hub
    hub.integrations.create({ ...base, connectorId: "entra", settings: {} });
  });

  it("refuses bogus, missing and mistyped settings", () => {
    // @ts-expect-error `bogus` is not a setting of the HR connector
    hub.integrations.create({ ...base, connectorId: "hr", settings: { baseUrl: "https://a", bogus: 1 } });
    // @ts-expect-error `baseUrl` is required (it has no default)
    hub.integrations.create({ ...base, connectorId: "hr", settings: { pageSize: 10 } });
    // @ts-expect-error `pageSize` is a number
    hub.integrations.create({ ...base, connectorId: "fake", settings: { pageSize: "10" } });
    // @ts-expect-error the HR connector's settings on the fake connector
    hub.integrations.create({ ...base, connectorId: "fake", settings: { baseUrl: "https://a" } });
  });

  it("types secret names", () => {
    hub.integrations.create({
      ...base,
      connectorId: "hr",
      settings: { baseUrl: "https://a" },
      // @ts-expect-error `password` is not a secret of the HR connector
      secrets: { password: "p" },
    });
  });

  it("types updates with the settings and secrets of the hub's connectors", () => {
    hub.integrations.update("id", { settings: { baseUrl: "https://b" }, secrets: { apiKey: null } });
    hub.integrations.update("id", { intervalMinutes: 120, expectedRevision: 2 });
    // @ts-expect-error `bogus` is a setting of no connector of this hub
    hub.integrations.update("id", { settings: { bogus: 1 } });
    // @ts-expect-error `password` is a secret of no connector of this hub
    hub.integrations.update("id", { secrets: { password: null } });
  });

  it("names the input types: a union discriminated by connectorId", () => {
    type Input = CreateIntegrationInput<typeof hr>;
    expectTypeOf<Input["connectorId"]>().toEqualTypeOf<"hr">();
    expectTypeOf<Input["settings"]>().toEqualTypeOf<{ baseUrl: string; pageSize?: number | undefined }>();
    type Both = CreateIntegrationInput<typeof hr | ReturnType<typeof createFakeConnector<"fake">>>;
    expectTypeOf<Extract<Both, { connectorId: "fake" }>["settings"]>().toEqualTypeOf<{
      pageSize?: number | undefined;
    }>();
    expectTypeOf<UpdateIntegrationInput<typeof hr>["settings"]>().toEqualTypeOf<
      { baseUrl: string; pageSize?: number | undefined } | undefined
    >();
    // a hub over specific connectors is still a `Hub` (what helpers that take any hub accept)
    expectTypeOf(hub).toExtend<Hub>();
  });
});

describe("connectors typed loosely", () => {
  it("take their settings from the registry when it names their id", () => {
    const hub = createHub({ storage, vault, connectors: [legacyConnector() as AnyConnector] });
    hub.integrations.create({ ...base, connectorId: "legacy-registered", settings: { region: "eu" } });
    // @ts-expect-error "mars" is not a registered region
    hub.integrations.create({ ...base, connectorId: "legacy-registered", settings: { region: "mars" } });
  });

  it("accept any id and settings when neither the connector nor the registry says more", () => {
    const hub = createHub({ storage, vault, connectors: [legacyConnector()] });
    const connectorId: string = "chosen-at-run-time";
    hub.integrations.create({ ...base, connectorId, settings: JSON.parse("{}") as unknown });
    expectTypeOf<CreateIntegrationInput["settings"]>().toBeUnknown();
  });
});
