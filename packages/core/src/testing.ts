/**
 * `@uslimato/core/testing`: suites that prove an implementation keeps core's contracts. They register vitest
 * tests, so call them at the top level of a test file (vitest is an optional peer dependency of core).
 *
 * @example
 * ```ts
 * import { runStorageConformance } from "@uslimato/core/testing";
 * import { createMemoryStorage } from "@uslimato/core";
 *
 * runStorageConformance({ name: "memory", create: async () => createMemoryStorage() });
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
export { runStorageConformance } from "./testing/storage-conformance/run-storage-conformance";
export type { StorageConformanceOptions } from "./testing/storage-conformance/storage-conformance-options";
