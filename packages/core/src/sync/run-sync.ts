import type { Actor } from "../audit/audit-entry";
import type { AnyConnector, OpenSecrets } from "../connector/connector";
import type { ConnectorState } from "../connector/connector-state";
import type { JsonValue } from "../connector/json";
import type { EntityKind, SourcePage } from "../connector/source-page";
import { cleanServiceDiagnosis, diagnosisAuditDetails, diagnosisOf } from "../errors/service-diagnosis";
import { isUslimatoError } from "../errors/uslimato-error";
import type { Logger } from "../logging/logger";
import type { RecordMapper } from "../mapping/mapping-engine";
import { redactKnownSecrets } from "../secrets/redact-known-secrets";
import type { IntegrationRecord } from "../storage/records";
import type { DirectoryBatch, DirectoryStore, LockFence, StorageAdapter } from "../storage/storage-adapter";
import type { SyncLog, SyncTrigger } from "../sync-log/sync-log";
import { noopTelemetry } from "../telemetry/create-telemetry";
import { endSyncSpan } from "../telemetry/end-sync-span";
import type { Telemetry } from "../telemetry/telemetry";
import type { PagePlan, PagePlanner } from "./apply-context";
import { closeInterruptedRunsQuietly } from "./close-interrupted-runs";
import { type DeactivationGuardOptions, decideDeactivations } from "./deactivation-guard";
import { holdLock } from "./hold-lock";
import { incompleteSweepNotice } from "./incomplete-sweep-notice";
import { lookupsUnchangedBy } from "./lookups-unchanged-by";
import { parseSourcePage } from "./page-schema";
import { pageSweep } from "./page-sweep";
import { type PlannedAhead, planAhead } from "./plan-ahead";
import { planGroupPage } from "./plan-group-page";
import { planRecordPage } from "./plan-record-page";
import { planUserPage } from "./plan-user-page";
import { type PrefetchingSource, prefetching } from "./prefetching";
import { nextRetryRecords, retryPageOf } from "./retry-records";
import { decodeRunnerCheckpoint, encodeRunnerCheckpoint, type RunnerCheckpoint } from "./runner-checkpoint";
import { settleRecordRemovals } from "./settle-record-removals";
import { type RunFailure, SyncLogBuilder } from "./sync-log-builder";
import type { SyncProgress } from "./sync-progress";
import { SYNC_LOCK_TTL_MS, syncAlreadyRunning } from "./with-sync-lock";

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
  /** Spans per sync and page, records per second, guard blocks (default: none). */
  telemetry?: Telemetry;
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
  /** Called once the run holds the lock and its `running` sync log is saved. */
  onStarted?: (log: SyncLog) => void;
  /** The lease of the run's lock, renewed every third of it while the run lives. Default {@link SYNC_LOCK_TTL_MS}. */
  lockTtlMs?: number;
}

/** What one run knows about its lock while it works. */
interface RunLock {
  fence: LockFence;
  lost: AbortSignal;
}

const PLANNERS: Record<EntityKind, PagePlanner> = {
  user: planUserPage,
  group: planGroupPage,
  device: planRecordPage,
  asset: planRecordPage,
};

/**
 * Runs one sync of one integration: lock, start the connector (its token and first page are on their way while
 * the run's log and audit entry are written), stream pages (fetching the next while applying the current), map,
 * reconcile, apply each page atomically with its checkpoint, then the guarded deactivations, the sync log and
 * the audit entries. The lock's lease is renewed on a timer while the run lives; every page write and the guard's
 * commit carry its fencing token, so a run that lost its lock fails (`SYNC_LOCK_LOST`) before writing again.
 * Logs of earlier runs that never finished are closed first (`SYNC_INTERRUPTED`). Throws only
 * `SYNC_ALREADY_RUNNING`; every other failure ends in a `failed` sync log.
 */
export async function runSync(input: RunSyncInput): Promise<SyncLog> {
  const { integration, storage } = input;
  const lock = await storage.locks.tryAcquire(`sync:${integration.id}`, {
    ttlMs: input.lockTtlMs ?? SYNC_LOCK_TTL_MS,
  });
  if (!lock) throw syncAlreadyRunning(integration.id);
  const held = holdLock(lock);
  try {
    return await runLocked(input, held);
  } finally {
    held.stop();
    await lock.release();
  }
}

async function runLocked(input: RunSyncInput, lock: RunLock): Promise<SyncLog> {
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
  const telemetry = input.telemetry ?? noopTelemetry;
  const secretValues: string[] = [];
  const stopReading = new AbortController();
  const signal = AbortSignal.any([...(input.signal ? [input.signal] : []), lock.lost, stopReading.signal]);
  // The connector starts now: its first requests (a token, the first page, each a network round trip) go out
  // while the run's own bookkeeping below is written.
  const reading = openAndRead(input, {
    logger,
    signal,
    telemetry,
    checkpoint: state?.connector ?? null,
    secretValues,
  });
  try {
    await closeInterruptedRunsQuietly(storage, integration.id, started, input.logger, (closed) =>
      audit(input, "sync.finished", {
        syncId: closed.id,
        status: closed.status,
        failureCode: closed.failureCode,
      }),
    );
    await storage.syncLogs.save(structuredClone(log));
    input.onStarted?.(structuredClone(log));
    await audit(input, "sync.started", { syncId: log.id, trigger: input.trigger, mode: log.mode });
  } catch (error) {
    stopReading.abort(error);
    await (await reading.catch(() => null))?.close().catch(() => {});
    throw error;
  }
  logger.info({ trigger: input.trigger, mode: log.mode }, "sync started");
  const ids = { "uslimato.integration.id": integration.id, "uslimato.connector.id": connector.id };
  const span = telemetry.span("uslimato.sync", {
    ...ids,
    "uslimato.sync.id": log.id,
    "uslimato.sync.trigger": input.trigger,
    "uslimato.sync.mode": log.mode,
  });

  let failure: RunFailure | undefined;
  try {
    const pages = await reading;
    const waiting = new Set(state?.retry);
    // The next page's plan, started while the current page is written (set from a callback).
    const ahead: { next: Promise<PlannedAhead | null> | null } = { next: null };
    let lastBatch: DirectoryBatch | null = null;
    for await (const { value: raw, upcoming } of pages) {
      signal.throwIfAborted();
      const planned = ahead.next ? await ahead.next : null;
      ahead.next = null;
      const page = planned?.raw === raw ? planned.page : parseSourcePage(raw, log.pages + 1, connector.id);
      const reusable =
        planned?.raw === raw && lastBatch !== null && lookupsUnchangedBy(planned.early, lastBatch)
          ? planned
          : undefined;
      const pageSpan = telemetry.span("uslimato.sync.page", {
        ...ids,
        "uslimato.page.number": log.pages + 1,
        "uslimato.page.kind": page.kind,
        "uslimato.page.upserts": page.upserts.length,
        "uslimato.page.removals": page.removals.length,
      });
      const nextNumber = log.pages + 2;
      let applied = false;
      try {
        const done = await applyOnePage(input, lock.fence, page, state, builder, reusable, (sweeps) => {
          ahead.next = planAhead(upcoming, input.storage.directory, {
            prepare: (next) => {
              const nextPage = parseSourcePage(next, nextNumber, connector.id);
              return { page: nextPage, sweepId: pageSweep(sweeps, nextPage, log.id).sweep?.id ?? null };
            },
            plan: (nextPage, directory, sweepId) => planPage(input, nextPage, directory, sweepId),
            applied: () => applied,
          });
        });
        applied = true;
        state = done.state;
        lastBatch = done.batch;
      } finally {
        pageSpan.end();
      }
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
    const retryPage = retryPageOf(state, waiting);
    if (retryPage) state = (await applyOnePage(input, lock.fence, retryPage, state, builder)).state;
    failure = await settleDeactivations(input, lock.fence, builder);
    const recordFailure = await settleRecordRemovals(input, lock.fence, builder);
    failure ??= recordFailure;
  } catch (error) {
    failure = describeFailure(error, input.signal, lock.lost, secretValues);
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
    ...diagnosisAuditDetails(failure?.diagnosis),
  });
  logger.info({ status: finished.status, counts: finished.counts }, "sync finished");
  endSyncSpan(telemetry, span, ids, finished);
  return finished;
}

/**
 * Opens the integration's secrets (each value kept in `secretValues`, to redact from failures) and starts the
 * connector's read, its first page already asked for.
 */
async function openAndRead(
  input: RunSyncInput,
  run: {
    logger: Logger;
    signal: AbortSignal;
    telemetry: Telemetry;
    checkpoint: JsonValue | null;
    secretValues: string[];
  },
): Promise<PrefetchingSource<SourcePage>> {
  const { integration } = input;
  const secrets = await input.openSecrets();
  for (const secret of Object.values(secrets)) if (secret) run.secretValues.push(secret.reveal());
  return prefetching(
    input.connector.read({
      integrationId: integration.id,
      tenantId: integration.tenantId,
      settings: integration.settings,
      secrets,
      logger: run.logger,
      signal: run.signal,
      state: input.state,
      telemetry: run.telemetry,
      checkpoint: run.checkpoint,
      requestedMode: input.requestedMode ?? "auto",
    }),
  );
}

/**
 * Plans and applies one page with its checkpoint, and counts it. `ahead` is the page's plan made while the page
 * before it was written, used when it was made for the same sweep; `onPlanned` is told the open sweeps after this
 * page once it is planned, right before it is written (when the runner starts on the next one).
 */
async function applyOnePage(
  input: RunSyncInput,
  fence: LockFence,
  page: SourcePage,
  previous: RunnerCheckpoint | null,
  builder: SyncLogBuilder,
  ahead?: Pick<PlannedAhead, "plan" | "sweepId">,
  onPlanned?: (sweeps: RunnerCheckpoint["sweeps"]) => void,
): Promise<{ state: RunnerCheckpoint; batch: DirectoryBatch }> {
  const { sweeps, sweep } = pageSweep(previous?.sweeps ?? {}, page, builder.log.id);
  let next: RunnerCheckpoint = { v: 1, connector: page.checkpoint, sweeps };
  const incomplete = incompleteSweepNotice(page);
  const finish = page.fullScan?.last === true && sweep !== null && !incomplete;
  const { plan, applied } = await planAndApply(
    input,
    fence,
    page,
    sweep,
    finish,
    (planned) => {
      next = { ...next, retry: nextRetryRecords(previous?.retry, page, planned.retry) };
      return encodeRunnerCheckpoint(next);
    },
    ahead?.sweepId === (sweep?.id ?? null) ? ahead.plan : undefined,
    onPlanned && (() => onPlanned(sweeps)),
  );
  if (page.kind === "group") plan.counts.deactivated = (plan.counts.deactivated ?? 0) + applied.sweptOthers;
  builder.add(page.kind, plan.counts);
  builder.addErrors(plan.errors);
  builder.addNotices(page.notices);
  if (incomplete) builder.addNotices([incomplete]);
  builder.log.pages++;
  return { state: next, batch: plan.batch };
}

/** Plans one page against `directory` (the storage's, or one that records lookups, see `planAhead`). */
function planPage(
  input: RunSyncInput,
  page: SourcePage,
  directory: DirectoryStore,
  sweepId: string | null,
): Promise<PagePlan> {
  return PLANNERS[page.kind](page, {
    integrationId: input.integration.id,
    directory,
    mapper: input.mapperFor(page.kind),
    newId: input.newId,
    sweepId,
  });
}

/** Attempts at a page whose batch met a concurrent writer (another integration creating the same people). */
const CONFLICT_ATTEMPTS = 3;

/**
 * Plans a page from one lookup (or takes the plan made ahead) and applies it with its checkpoint; `onPlanned` is
 * called once the first plan is ready, before it is written. When the write meets `STORAGE_CONFLICT`
 * (another integration created a user with one of these emails in between), nothing was written: the page is
 * looked up and reconciled again, now linking to those users.
 */
async function planAndApply(
  input: RunSyncInput,
  fence: LockFence,
  page: SourcePage,
  sweep: { id: string; start: boolean } | null,
  finish: boolean,
  checkpointOf: (plan: PagePlan) => JsonValue,
  ahead?: PagePlan,
  onPlanned?: () => void,
) {
  const sweepId = sweep?.id ?? null;
  for (let attempt = 1; ; attempt++) {
    const plan =
      attempt === 1 && ahead ? ahead : await planPage(input, page, input.storage.directory, sweepId);
    if (sweep)
      plan.batch.sweep = { kind: page.kind, sweepId: sweep.id, ...(sweep.start ? { start: true } : {}) };
    if (finish && sweepId) plan.batch.finishSweep = { kind: page.kind, sweepId };
    if (attempt === 1) onPlanned?.();
    try {
      return {
        plan,
        applied: await input.storage.directory.applyPage(
          input.integration.id,
          plan.batch,
          checkpointOf(plan),
          fence,
        ),
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

async function settleDeactivations(input: RunSyncInput, fence: LockFence, builder: SyncLogBuilder) {
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
  builder.add("user", { deactivated: await directory.commitPendingDeactivations(id, fence) });
  return undefined;
}

function describeFailure(
  error: unknown,
  signal: AbortSignal | undefined,
  lost: AbortSignal,
  secrets: ReadonlyArray<string>,
): RunFailure {
  if (lost.aborted || isUslimatoError(error, "SYNC_LOCK_LOST")) {
    const reason = lost.aborted && lost.reason instanceof Error ? lost.reason.message : errorMessage(error);
    return {
      code: "SYNC_LOCK_LOST",
      message: redactKnownSecrets(
        `${reason} Nothing was written after the lock was lost and nobody was deactivated; the next run resumes from the last checkpoint.`,
        secrets,
      ),
    };
  }
  if (signal?.aborted)
    return { code: "SYNC_ABORTED", message: "The sync was aborted; it resumes from its last checkpoint" };
  const diagnosis = cleanServiceDiagnosis(diagnosisOf(error), secrets);
  const withDiagnosis = diagnosis ? { diagnosis } : {};
  if (isUslimatoError(error)) {
    const requestId =
      diagnosis?.requestId ??
      (typeof error.details.requestId === "string" ? error.details.requestId : undefined);
    return {
      code: error.code,
      message: redactKnownSecrets(error.message, secrets),
      ...(requestId ? { requestId } : {}),
      ...withDiagnosis,
    };
  }
  return {
    code: "CONNECTOR_FAILED",
    message: redactKnownSecrets(errorMessage(error), secrets),
    ...withDiagnosis,
  };
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

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
