/**
 * `@uslimato/core/testing`: suites that prove an implementation keeps core's contracts. Call them at the top
 * level of a test file. They register with the runner you pass (`{ describe, it, beforeEach, afterEach, expect }`
 * of vitest, Jest or `node:test`), else with vitest inside a vitest run, else with the runner's globals (Jest).
 * This entry never imports vitest, so it loads in ESM and CommonJS alike.
 *
 * @example
 * ```ts
 * import { runStorageConformance } from "@uslimato/core/testing";
 * import { createMemoryStorage } from "@uslimato/core";
 *
 * runStorageConformance({ name: "memory", create: async () => createMemoryStorage() });
 *
 * // node:test (expect defaults to assertExpect, on node:assert)
 * import { afterEach, beforeEach, describe, it } from "node:test";
 * runStorageConformance({ name: "memory", create: async () => createMemoryStorage() }, { describe, it, beforeEach, afterEach });
 * ```
 *
 * @module
 */

export type { ConnectorContractOptions } from "./testing/connector-contract/connector-contract-options";
export { createMemoryState } from "./testing/connector-contract/create-memory-state";
export { openSecretsOf, readAll } from "./testing/connector-contract/read-all";
export { runConnectorContract } from "./testing/connector-contract/run-connector-contract";
export type {
  FakeConnectorSettings,
  FakeConnectorSettingsInput,
} from "./testing/fake-connector/create-fake-connector";
export { createFakeConnector } from "./testing/fake-connector/create-fake-connector";
export type {
  FakeRecordConnectorOptions,
  FakeRecordConnectorSettings,
} from "./testing/fake-connector/create-fake-record-connector";
export { createFakeRecordConnector } from "./testing/fake-connector/create-fake-record-connector";
export type { FakePerson } from "./testing/fake-connector/fake-directory";
export { FakeDirectory } from "./testing/fake-connector/fake-directory";
export type { FakeItem } from "./testing/fake-connector/fake-inventory";
export { FakeInventory } from "./testing/fake-connector/fake-inventory";
export { assertExpect } from "./testing/runner/assert-expect";
export type {
  ConformanceAssertion,
  ConformanceExpect,
  ConformancePromiseAssertion,
  TestApi,
  TestBody,
} from "./testing/runner/test-api";
export { runStorageConformance } from "./testing/storage-conformance/run-storage-conformance";
export type { StorageConformanceOptions } from "./testing/storage-conformance/storage-conformance-options";
