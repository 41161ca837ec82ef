import { createEntraConnector, type EntraSettings, type EntraSettingsInput } from "@uslimato/connector-entra";
import { type CredentialVault, createHub, createMemoryStorage, type StorageAdapter } from "@uslimato/core";
import type { AnyConnector, ConnectorContext } from "@uslimato/core/connector";
import { describe, expectTypeOf, it } from "vitest";

declare const vault: CredentialVault;
declare const storage: StorageAdapter;
const base = { tenantId: "host", name: "Entra ID", intervalMinutes: 60 };
const settings = { tenantId: "contoso.onmicrosoft.com", clientId: "00000000-0000-0000-0000-000000000002" };

describe("a hub with the Entra connector", () => {
  const hub = createHub({ storage: createMemoryStorage(), vault, connectors: [createEntraConnector()] });

  it("accepts Entra's settings and secrets", () => {
    hub.integrations.create({ ...base, connectorId: "entra", settings, secrets: { clientSecret: "s" } });
    hub.integrations.create({
      ...base,
      connectorId: "entra",
      settings: {
        ...settings,
        scope: "usersAndGroups",
        credential: "certificate",
        certificateThumbprintSha256: "ab",
      },
      secrets: { certificatePrivateKey: "-----BEGIN PRIVATE KEY-----" },
    });
  });

  it("refuses bogus settings, a wrong scope, missing ids, unknown secrets and other connectors", () => {
    // @ts-expect-error `bogus` is not an Entra setting
    hub.integrations.create({ ...base, connectorId: "entra", settings: { ...settings, bogus: 1 } });
    // @ts-expect-error the issue's example: only a bogus setting
    hub.integrations.create({ ...base, connectorId: "entra", settings: { bogus: 1 } });
    // @ts-expect-error `scope` is `users` or `usersAndGroups`
    hub.integrations.create({ ...base, connectorId: "entra", settings: { ...settings, scope: "devices" } });
    // @ts-expect-error `clientId` is required
    hub.integrations.create({ ...base, connectorId: "entra", settings: { tenantId: settings.tenantId } });
    // @ts-expect-error `password` is not an Entra secret
    hub.integrations.create({ ...base, connectorId: "entra", settings, secrets: { password: "p" } });
    // @ts-expect-error the hub has no `intune` connector
    hub.integrations.create({ ...base, connectorId: "intune", settings });
  });

  it("types updates", () => {
    hub.integrations.update("id", {
      settings: { ...settings, cloud: "usGov" },
      secrets: { clientSecret: null },
    });
    // @ts-expect-error `cloud` is one of the national clouds
    hub.integrations.update("id", { settings: { ...settings, cloud: "mars" } });
  });

  it("gives the connector the settings with defaults applied", () => {
    type Read = Parameters<ReturnType<typeof createEntraConnector>["testConnection"]>[0];
    expectTypeOf<Read>().toEqualTypeOf<
      ConnectorContext<EntraSettings, "clientSecret" | "certificatePrivateKey">
    >();
    expectTypeOf<EntraSettings["scope"]>().toEqualTypeOf<"users" | "usersAndGroups">();
    expectTypeOf<EntraSettingsInput["scope"]>().toEqualTypeOf<"users" | "usersAndGroups" | undefined>();
  });
});

describe("a hub whose connectors are typed loosely", () => {
  it("still types Entra's settings through the registry", () => {
    const connectors: AnyConnector[] = [createEntraConnector()];
    const hub = createHub({ storage, vault, connectors });
    hub.integrations.create({ ...base, connectorId: "entra", settings });
    // @ts-expect-error `bogus` is not an Entra setting (ConnectorSettingsRegistry["entra"])
    hub.integrations.create({ ...base, connectorId: "entra", settings: { ...settings, bogus: 1 } });
  });
});
