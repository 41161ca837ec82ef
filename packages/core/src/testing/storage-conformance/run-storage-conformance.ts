import { describe } from "vitest";
import { describeCheckpointsAndAtomicity } from "./describe-checkpoints-and-atomicity";
import { describeDeactivations } from "./describe-deactivations";
import { describeDeleteAndCopies } from "./describe-delete-and-copies";
import { describeFencedWrites } from "./describe-fenced-writes";
import { describeGroupsAndRecords } from "./describe-groups-and-records";
import { describeIntegrationGuard } from "./describe-integration-guard";
import { describeIntegrationStore } from "./describe-integration-store";
import { describeLockLeases } from "./describe-lock-leases";
import { describeLocks } from "./describe-locks";
import { describeLogsAndAudit } from "./describe-logs-and-audit";
import { describeRecordOwners } from "./describe-record-owners";
import { describeRecordRemovals } from "./describe-record-removals";
import { describeSecretStore } from "./describe-secret-store";
import { describeSeveralSources } from "./describe-several-sources";
import { describeSweepOwnership } from "./describe-sweep-ownership";
import { describeSyncLocks } from "./describe-sync-locks";
import { describeUnstorableText } from "./describe-unstorable-text";
import { describeUserLookups } from "./describe-user-lookups";
import type { StorageConformanceOptions } from "./storage-conformance-options";

/**
 * Registers vitest tests that prove a {@link StorageAdapter} keeps the storage contract: CRUD and revisions,
 * secret compare-and-swap and key paging, atomic pages with their checkpoint, lookups, pending deactivations,
 * several sources per user, sweeps, groups, memberships, records with pending removals and owners, locks (leases,
 * fencing tokens, fenced writes, sweep ownership, and whole sync runs that lose their lock or race), logs, audit,
 * delete semantics, returned copies, and a sync whose records hold text storage cannot hold (NUL, unpaired
 * surrogates) failing those records alone.
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
    describeIntegrationGuard(options);
    describeSecretStore(options);
    describeCheckpointsAndAtomicity(options);
    describeUserLookups(options);
    describeDeactivations(options);
    describeSeveralSources(options);
    describeGroupsAndRecords(options);
    describeRecordRemovals(options);
    describeRecordOwners(options);
    describeLocks(options);
    describeLockLeases(options);
    describeFencedWrites(options);
    describeSweepOwnership(options);
    describeSyncLocks(options);
    describeLogsAndAudit(options);
    describeDeleteAndCopies(options);
    describeUnstorableText(options);
  });
}
