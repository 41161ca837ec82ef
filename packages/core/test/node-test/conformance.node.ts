/**
 * The storage conformance suite and the connector contract suite under `node:test` (no vitest): the memory adapter
 * and the fake connector, with the suites' own `assertExpect`. Run by `pnpm test:node` in CI.
 */
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { createMemoryStorage } from "@uslimato/core";
import {
  createFakeConnector,
  FakeDirectory,
  runConnectorContract,
  runStorageConformance,
} from "@uslimato/core/testing";

runStorageConformance(
  { name: "memory", create: async () => createMemoryStorage() },
  { describe, it, beforeEach, afterEach },
);

const directory = new FakeDirectory({ people: 42 });
runConnectorContract(
  {
    connector: createFakeConnector(directory),
    setup: async () => ({
      settings: { pageSize: 10 },
      secrets: { apiKey: directory.apiKey },
      badSecrets: { apiKey: "wrong-api-key-000" },
      mutate: async () => directory.update("p000003", { displayName: "Changed" }),
    }),
  },
  { describe, it, beforeEach, afterEach, before, after },
);
