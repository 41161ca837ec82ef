import type { Actor } from "../audit/audit-entry";
import type { AnyConnector, OpenSecrets } from "../connector/connector";
import type { ConnectorState } from "../connector/connector-state";
import type { JsonValue } from "../connector/json";
import type { EntityKind, SourcePage } from "../connector/source-page";
import { CoreError } from "../errors/core-error";
import { isUslimatoError } from "../errors/uslimato-error";
import type { Logger } from "../logging/logger";
import type { RecordMapper } from "../mapping/mapping-engine";
import { redactKnownSecrets } from "../secrets/redact-known-secrets";
import type { IntegrationRecord } from "../storage/records";
import type { StorageAdapter } from "../storage/storage-adapter";
import type { SyncLog, SyncTrigger } from "../sync-log/sync-log";
import type { PagePlanner } from "./apply-context";
import { type DeactivationGuardOptions, decideDeactivations } from "./deactivation-guard";
import { incompleteSweepNotice } from "./incomplete-sweep-notice";
import { parseSourcePage } from "./page-schema";
import { planGroupPage } from "./plan-group-page";
import { planRecordPage } from "./plan-record-page";
import { planUserPage } from "./plan-user-page";
import { prefetching } from "./prefetching";
import { decodeRunnerCheckpoint, encodeRunnerCheckpoint, type RunnerCheckpoint } from "./runner-checkpoint";
import { settleRecordRemovals } from "./settle-record-removals";
import { SyncLogBuilder } from "./sync-log-builder";
import type { SyncProgress } from "./sync-progress";

/** Everything one run needs; the hub assembles it. */
export interface RunSyncInput {
  integration: IntegrationRecord;
  connector: AnyConnector;
  storage: StorageAdapter;
  /** The connector's sealed state for this integration. */
  state: ConnectorState;
  /** Opens the integration's secrets, just in time (after the lock is held). */
  openSecrets: () => Promise<OpenSecrets>;
  /** The compiled mapper for a kind (compiled once per integration revision by the caller). */
  mapperFor: (kind: EntityKind) => RecordMapper;
  logger: Logger;
  trigger: SyncTrigger;
  /** Why the run started, in words (e.g. the change a watcher saw); kept in the sync log. */
  reason?: string;
  actor: Actor;
  /** `full` forgets the checkpoint and reads everything. */
  requestedMode?: "auto" | "full";
  signal?: AbortSignal;
  guard?: DeactivationGuardOptions;
  /** Applies deactivations even above the guard's threshold (the host confirmed). */
  confirmMassDeactivation?: boolean;
  clock: () => Date;
  newId: () => string;
  onProgress?: (progress: SyncProgress) => void;
}

const PLANNERS: Record<EntityKind, PagePlanner> = {
  user: planUserPage,
  group: planGroupPage,
  device: planRecordPage,
  asset: planRecordPage,
};

/**
 * Runs one sync of one integration: lock, stream pages (fetching the next while applying the current), map,
 * reconcile, apply each page atomically with its checkpoint, then the guarded deactivations, the sync log and
 * the audit entries. Throws only `SYNC_ALREADY_RUNNING`; every other failure ends in a `failed` sync log.
 */
export async function runSync(input: RunSyncInput): Promise<SyncLog> {
  const { integration, storage } = input;
  const lock = await storage.locks.tryAcquire(`sync:${integration.id}`, { ttlMs: 6 * 60 * 60 * 1000 });
  if (!lock) {
    throw new CoreError(
      "SYNC_ALREADY_RUNNING",
      `A sync of integration ${integration.id} is already running`,
      {
        details: { integrationId: integration.id },
      },
    );
  }
  try {
    return await runLocked(input);
  } finally {
    await lock.release();
  }
}

async function runLocked(input: RunSyncInput): Promise<SyncLog> {
  const { integration, storage, connector, clock } = input;
  const started = clock();
  const stored = input.requestedMode === "full" ? null : await storage.checkpoints.get(integration.id);
  let state: RunnerCheckpoint | null = decodeRunnerCheckpoint(stored?.value);
  const builder = new SyncLogBuilder({
    id: input.newId(),
    integrationId: integration.id,
    tenantId: integration.tenantId,
    trigger: input.trigger,
    ...(input.reason ? { reason: input.reason } : {}),
    mode: state === null ? "full" : "incremental",
    startedAt: started,
  });
  const log = builder.log;
  const logger = input.logger.child({ integrationId: integration.id, syncId: log.id });
  await storage.syncLogs.save(structuredClone(log));
  await audit(input, "sync.started", { syncId: log.id, trigger: input.trigger, mode: log.mode });
  logger.info({ trigger: input.trigger, mode: log.mode }, "sync started");

  let failure: { code: string; message: string; requestId?: string } | undefined;
  const secretValues: string[] = [];
  try {
    const secrets = await input.openSecrets();
    for (const secret of Object.values(secrets)) if (secret) secretValues.push(secret.reveal());
    const signal = input.signal ?? new AbortController().signal;
    const pages = connector.read({
      integrationId: integration.id,
      tenantId: integration.tenantId,
      settings: integration.settings,
      secrets,
      logger,
      signal,
      state: input.state,
      checkpoint: state?.connector ?? null,
      requestedMode: input.requestedMode ?? "auto",
    });
    for await (const raw of prefetching(pages)) {
      signal.throwIfAborted();
      const page = parseSourcePage(raw, log.pages + 1, connector.id);
      state = await applyOnePage(input, page, state, builder);
      if (page.fullScan) log.mode = "full";
      input.onProgress?.({
        syncId: log.id,
        integrationId: integration.id,
        pages: log.pages,
        counts: { ...log.counts },
        elapsedMs: clock().getTime() - started.getTime(),
      });
    }
    signal.throwIfAborted();
    failure = await settleDeactivations(input, builder);
    const recordFailure = await settleRecordRemovals(input, builder);
    failure ??= recordFailure;
  } catch (error) {
    failure = describeFailure(error, input.signal);
    failure.message = redactKnownSecrets(failure.message, secretValues);
    logger.error({ err: error, code: failure.code }, "sync failed");
  }
  const finished = builder.finish(clock(), failure);
  await storage.syncLogs.save(structuredClone(finished));
  await audit(input, "sync.finished", {
    syncId: finished.id,
    status: finished.status,
    processed: finished.counts.processed,
    created: finished.counts.created,
    updated: finished.counts.updated,
    deactivated: finished.counts.deactivated,
    failed: finished.counts.failed,
    failureCode: finished.failureCode,
  });
  logger.info({ status: finished.status, counts: finished.counts }, "sync finished");
  return finished;
}

async function applyOnePage(
  input: RunSyncInput,
  page: SourcePage,
  previous: RunnerCheckpoint | null,
  builder: SyncLogBuilder,
): Promise<RunnerCheckpoint> {
  const sweeps = { ...(previous?.sweeps ?? {}) };
  let sweepId: string | null = null;
  if (page.fullScan) {
    if (page.fullScan.first || !sweeps[page.kind]) sweeps[page.kind] = builder.log.id;
    sweepId = sweeps[page.kind]!;
  }
  if (page.fullScan?.last && sweepId) delete sweeps[page.kind];
  const next: RunnerCheckpoint = { v: 1, connector: page.checkpoint, sweeps };
  const incomplete = incompleteSweepNotice(page);
  const finish = incomplete ? null : sweepId;
  const { plan, applied } = await planAndApply(input, page, sweepId, finish, encodeRunnerCheckpoint(next));
  if (page.kind === "group") plan.counts.deactivated = (plan.counts.deactivated ?? 0) + applied.sweptOthers;
  builder.add(page.kind, plan.counts);
  builder.addErrors(plan.errors);
  builder.addNotices(page.notices);
  if (incomplete) builder.addNotices([incomplete]);
  builder.log.pages++;
  return next;
}

/** Attempts at a page whose batch met a concurrent writer (another integration creating the same people). */
const CONFLICT_ATTEMPTS = 3;

/**
 * Plans a page from one lookup and applies it with its checkpoint. When the write meets `STORAGE_CONFLICT`
 * (another integration created a user with one of these emails in between), nothing was written: the page is
 * looked up and reconciled again, now linking to those users.
 */
async function planAndApply(
  input: RunSyncInput,
  page: SourcePage,
  sweepId: string | null,
  finishSweepId: string | null,
  checkpoint: JsonValue,
) {
  for (let attempt = 1; ; attempt++) {
    const plan = await PLANNERS[page.kind](page, {
      integrationId: input.integration.id,
      directory: input.storage.directory,
      mapper: input.mapperFor(page.kind),
      newId: input.newId,
      sweepId,
    });
    if (page.fullScan?.last && finishSweepId)
      plan.batch.finishSweep = { kind: page.kind, sweepId: finishSweepId };
    try {
      return {
        plan,
        applied: await input.storage.directory.applyPage(input.integration.id, plan.batch, checkpoint),
      };
    } catch (error) {
      if (!isUslimatoError(error, "STORAGE_CONFLICT") || attempt >= CONFLICT_ATTEMPTS) throw error;
      input.logger.debug(
        { integrationId: input.integration.id, attempt },
        "page met a concurrent writer; planning it again",
      );
    }
  }
}

async function settleDeactivations(input: RunSyncInput, builder: SyncLogBuilder) {
  const { directory } = input.storage;
  const id = input.integration.id;
  const pending = await directory.countPendingDeactivations(id);
  if (pending === 0) return undefined;
  const decision = decideDeactivations(pending, await directory.countActiveLinkedUsers(id), input.guard);
  if (decision.blocked && !input.confirmMassDeactivation) {
    return {
      code: "MASS_DEACTIVATION_BLOCKED",
      message: `This run would deactivate ${pending} of ${decision.managed} users (more than the allowed ${decision.threshold}); nothing was deactivated. Confirm the deactivations or fix the source, then sync again.`,
    };
  }
  builder.add("user", { deactivated: await directory.commitPendingDeactivations(id) });
  return undefined;
}

function describeFailure(
  error: unknown,
  signal: AbortSignal | undefined,
): { code: string; message: string; requestId?: string } {
  if (signal?.aborted)
    return { code: "SYNC_ABORTED", message: "The sync was aborted; it resumes from its last checkpoint" };
  if (isUslimatoError(error)) {
    const requestId = typeof error.details.requestId === "string" ? error.details.requestId : undefined;
    return { code: error.code, message: error.message, ...(requestId ? { requestId } : {}) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "CONNECTOR_FAILED", message };
}

async function audit(
  input: RunSyncInput,
  action: "sync.started" | "sync.finished",
  details: Record<string, string | number | null>,
) {
  await input.storage.audit.append({
    id: input.newId(),
    at: input.clock(),
    tenantId: input.integration.tenantId,
    integrationId: input.integration.id,
    actor: input.actor,
    action,
    details,
  });
}
