import { resolveTestApi } from "../runner/resolve-test-api";
import type { TestApi } from "../runner/test-api";
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
 * Registers the test cases that prove a {@link StorageAdapter} keeps the storage contract: CRUD and revisions,
 * secret compare-and-swap and key paging, atomic pages with their checkpoint, lookups, pending deactivations,
 * several sources per user, sweeps, groups, memberships, records with pending removals and owners, locks (leases,
 * fencing tokens, fenced writes, sweep ownership, and whole sync runs that lose their lock or race), logs, audit,
 * delete semantics, returned copies, and a sync whose records hold text storage cannot hold (NUL, unpaired
 * surrogates) failing those records alone.
 * `create` must return an adapter over empty storage, with its `inspect` (the cases check writes by listing
 * them); it is called before every test.
 *
 * The cases register with `runner` (vitest's, Jest's or `node:test`'s `describe`, `it`, `beforeEach`,
 * `afterEach`, and `expect`, which defaults to {@link assertExpect}). Without one, they register with vitest when
 * called inside a vitest run (this module never imports vitest, so it loads anywhere, CommonJS included), else with
 * the runner's globals (Jest).
 *
 * @example
 * ```ts
 * import { runStorageConformance } from "@uslimato/core/testing";
 * runStorageConformance({ name: "my-db", create: async () => createMyStorage(), destroy: (s) => s.close!() });
 *
 * // under node:test
 * import { afterEach, beforeEach, describe, it } from "node:test";
 * runStorageConformance({ name: "my-db", create: async () => createMyStorage() }, { describe, it, beforeEach, afterEach });
 * ```
 */
export function runStorageConformance(options: StorageConformanceOptions, runner?: TestApi): void {
  const t = resolveTestApi(runner);
  t.describe(`storage conformance: ${options.name}`, () => {
    describeIntegrationStore(options, t);
    describeIntegrationGuard(options, t);
    describeSecretStore(options, t);
    describeCheckpointsAndAtomicity(options, t);
    describeUserLookups(options, t);
    describeDeactivations(options, t);
    describeSeveralSources(options, t);
    describeGroupsAndRecords(options, t);
    describeRecordRemovals(options, t);
    describeRecordOwners(options, t);
    describeLocks(options, t);
    describeLockLeases(options, t);
    describeFencedWrites(options, t);
    describeSweepOwnership(options, t);
    describeSyncLocks(options, t);
    describeLogsAndAudit(options, t);
    describeDeleteAndCopies(options, t);
    describeUnstorableText(options, t);
  });
}
