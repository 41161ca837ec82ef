import { describe } from "vitest";
import { describeCheckpointsAndAtomicity } from "./describe-checkpoints-and-atomicity";
import { describeDeactivations } from "./describe-deactivations";
import { describeDeleteAndCopies } from "./describe-delete-and-copies";
import { describeGroupsAndRecords } from "./describe-groups-and-records";
import { describeIntegrationStore } from "./describe-integration-store";
import { describeLocks } from "./describe-locks";
import { describeLogsAndAudit } from "./describe-logs-and-audit";
import { describeRecordOwners } from "./describe-record-owners";
import { describeRecordRemovals } from "./describe-record-removals";
import { describeSecretStore } from "./describe-secret-store";
import { describeSeveralSources } from "./describe-several-sources";
import { describeUserLookups } from "./describe-user-lookups";
import type { StorageConformanceOptions } from "./storage-conformance-options";

/**
 * Registers vitest tests that prove a {@link StorageAdapter} keeps the storage contract: CRUD and revisions,
 * secret compare-and-swap and key paging, atomic pages with their checkpoint, lookups, pending deactivations,
 * several sources per user, sweeps, groups, memberships, records with pending removals and owners, locks, logs,
 * audit, delete semantics and returned copies.
 * `create` must return an adapter over empty storage; it is called before every test.
 *
 * @example
 * ```ts
 * import { runStorageConformance } from "@uslimato/core/testing";
 * runStorageConformance({ name: "my-db", create: async () => createMyStorage(), destroy: (s) => s.close!() });
 * ```
 */
export function runStorageConformance(options: StorageConformanceOptions): void {
  describe(`storage conformance: ${options.name}`, () => {
    describeIntegrationStore(options);
    describeSecretStore(options);
    describeCheckpointsAndAtomicity(options);
    describeUserLookups(options);
    describeDeactivations(options);
    describeSeveralSources(options);
    describeGroupsAndRecords(options);
    describeRecordRemovals(options);
    describeRecordOwners(options);
    describeLocks(options);
    describeLogsAndAudit(options);
    describeDeleteAndCopies(options);
  });
}
