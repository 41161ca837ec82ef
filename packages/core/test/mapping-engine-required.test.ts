import { ConfigError, createHub, createMemoryStorage, type MappingEngine } from "@uslimato/core";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { describe, expect, it } from "vitest";
import { createTestVault } from "./fixtures/test-vault";

/** The fake directory behind a connector whose records use external field names, as Entra's do. */
function mappedConnector(directory: FakeDirectory) {
  return {
    ...createFakeConnector(directory, { id: "mapped" }),
    defaultMappings: { user: { rules: [{ target: "email", source: "[mail]" }] } },
  };
}

describe("a hub without a mapping engine", () => {
  it("is refused when made if a connector has default mappings, naming the connector and `mapping`", () => {
    const make = () =>
      createHub({
        storage: createMemoryStorage(),
        vault: createTestVault(),
        connectors: [createFakeConnector(new FakeDirectory()), mappedConnector(new FakeDirectory())],
      });
    expect(make).toThrow(ConfigError);
    const error = (() => {
      try {
        make();
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.code).toBe("CONFIG_INVALID");
    expect(error?.issues).toEqual([
      expect.objectContaining({ path: ["mapping"], code: "mapping_engine_missing" }),
    ]);
    expect(error?.message).toMatch(/"mapped".*user records.*fieldMappingEngine\(\)/);
  });

  it("is accepted with a mapping engine", () => {
    const engine: MappingEngine = {
      compile: () => ({
        createOnly: new Set(),
        mapPage: (records) => records.map(() => ({ values: {}, skip: [], errors: [] })),
      }),
      validate: () => [],
    };
    const hub = createHub({
      storage: createMemoryStorage(),
      vault: createTestVault(),
      connectors: [mappedConnector(new FakeDirectory())],
      mapping: engine,
    });
    expect(hub.connectors().map((c) => c.id)).toEqual(["mapped"]);
  });

  it("works for connectors whose records carry internal names, and refuses mappings it cannot apply", async () => {
    const directory = new FakeDirectory({ people: 20 });
    const hub = createHub({
      storage: createMemoryStorage(),
      vault: createTestVault(),
      connectors: [createFakeConnector(directory)],
    });
    const base = {
      tenantId: "t",
      connectorId: "fake",
      name: "HR",
      settings: {},
      secrets: { apiKey: directory.apiKey },
      intervalMinutes: 60,
    } as const;
    const refused = await hub.integrations
      .create({ ...base, mappings: { user: { rules: [] } } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).issues).toEqual([
      expect.objectContaining({ path: ["mappings", "user"], code: "invalid_mapping" }),
    ]);
    expect((refused as ConfigError).message).toMatch(/no mapping engine/);
    const integration = await hub.integrations.create(base);
    const log = await hub.syncNow(integration.id);
    expect(log).toMatchObject({ status: "success", counts: { processed: 20, created: 20, failed: 0 } });
  });
});
