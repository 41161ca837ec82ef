import { createEntraConnector } from "@uslimato/connector-entra";
import { type CredentialVault, createHub, createMemoryStorage } from "@uslimato/core";
import { ConfigError } from "@uslimato/core/connector";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { describe, expect, it } from "vitest";

const vault: CredentialVault = createCredentialStore({
  keyRing: createKeyRing({ keys: [{ id: "k", key: generateKey() }], activeKeyId: "k" }),
});
const settings = { tenantId: "contoso.onmicrosoft.com", clientId: "00000000-0000-0000-0000-000000000002" };
const base = { tenantId: "host", connectorId: "entra", name: "Entra", intervalMinutes: 60 } as const;

describe("configurations of the Entra connector that cannot work are refused when made", () => {
  it("a hub with Entra and no mapping engine (every record would fail)", () => {
    expect(() =>
      createHub({ storage: createMemoryStorage(), vault, connectors: [createEntraConnector()] }),
    ).toThrow(ConfigError);
    expect(() =>
      createHub({ storage: createMemoryStorage(), vault, connectors: [createEntraConnector()] }),
    ).toThrow(/"entra" maps its user and group records.*mapping: fieldMappingEngine\(\)/);
  });

  it("simulator or proxy endpoints without a token scope, naming endpoints.scope", async () => {
    const hub = createHub({
      storage: createMemoryStorage(),
      vault,
      connectors: [createEntraConnector()],
      mapping: fieldMappingEngine(),
    });
    const endpoints = { authorityHost: "http://127.0.0.1:4010", graphBaseUrl: "http://127.0.0.1:4010/v1.0" };
    const error = await hub.integrations
      .create({ ...base, settings: { ...settings, endpoints } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path.join("."))).toEqual(["settings.endpoints.scope"]);
    expect((error as ConfigError).message).toMatch(/graph\.microsoft\.com\/\.default/);

    const scope = "https://graph.microsoft.com/.default";
    const created = await hub.integrations.create({
      ...base,
      settings: { ...settings, endpoints: { ...endpoints, scope } },
    });
    expect(created.settings).toMatchObject({ endpoints: { scope } });
    const national = {
      authorityHost: "https://login.microsoftonline.us",
      graphBaseUrl: "https://graph.microsoft.us/v1.0",
    };
    await expect(
      hub.integrations.create({ ...base, settings: { ...settings, endpoints: national } }),
    ).resolves.toMatchObject({ connectorId: "entra" });
  });
});
