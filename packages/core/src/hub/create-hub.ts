import { type Actor, SYSTEM_ACTOR } from "../audit/audit-entry";
import type { AnyConnector } from "../connector/connector";
import { ConfigError } from "../errors/config-error";
import { CoreError } from "../errors/core-error";
import { diagnosisAuditDetails } from "../errors/service-diagnosis";
import { isUslimatoError } from "../errors/uslimato-error";
import { assertInterfaceHubEntitled } from "../plans/resolve-plan";
import { resolveGuard } from "../sync/deactivation-guard";
import { runSync } from "../sync/run-sync";
import { withSyncLock } from "../sync/with-sync-lock";
import type { SyncLog, SyncTrigger } from "../sync-log/sync-log";
import { checkMappingEngine } from "./check-mapping-engine";
import { createIntegrationsApi } from "./create-integrations-api";
import type { Hub } from "./hub";
import { createHubCore } from "./hub-core";
import type { HubOptions } from "./hub-options";
import { previewMapping } from "./preview-mapping";
import { createRecordsApi } from "./records-api";

/**
 * Composes a hub from the host's storage adapter, credential vault, connectors, plan and logger. The hub's types
 * follow its connectors: `hub.integrations.create` accepts only their ids, each with its own settings and secrets.
 * Throws `ConfigError` (`CONFIG_INVALID`, path `mapping`) when a connector with default mappings is given without
 * a mapping engine, instead of a sync in which every record fails.
 *
 * @example
 * ```ts
 * const hub = createHub({ storage: createMemoryStorage(), vault, connectors: [entraConnector()], plan: "enterprise" });
 * const { id } = await hub.integrations.create({ tenantId: "t1", connectorId: "entra", name: "Entra ID", settings, secrets: { clientSecret }, intervalMinutes: 60 });
 * await hub.testConnection(id);
 * const log = await hub.syncNow(id);
 * ```
 */
export function createHub<C extends AnyConnector>(options: HubOptions<C>): Hub<C> {
  const mappingIssues = checkMappingEngine(options.connectors, options.mapping !== undefined);
  if (mappingIssues.length > 0) throw new ConfigError("hub options", mappingIssues);
  const core = createHubCore(options);
  const { storage } = options;

  const hub: Hub<C> = {
    integrations: createIntegrationsApi(core),
    connectors: () => [...options.connectors],

    async testConnection(id, { actor, signal } = {}) {
      const record = await core.load(id);
      const result = await core.registry
        .get(record.connectorId)
        .testConnection(await core.contextOf(record, signal));
      await core.audit(record, actor, "connection.tested", {
        ok: result.ok,
        ...(result.ok
          ? {}
          : {
              code: result.code,
              failedStep: result.failedStep,
              ...diagnosisAuditDetails(result.diagnosis),
            }),
      });
      return result;
    },

    async syncNow(id, syncOptions = {}) {
      const record = await core.load(id);
      const connector = core.registry.get(record.connectorId);
      if (!record.enabled && syncOptions.trigger !== undefined && syncOptions.trigger !== "manual") {
        throw new CoreError("INTEGRATION_DISABLED", `Integration ${id} is disabled`, {
          details: { integrationId: id },
        });
      }
      assertInterfaceHubEntitled(await core.planOf(record.tenantId), core.plans);
      const trigger = syncOptions.trigger ?? "manual";
      const base = { integrationId: id, tenantId: record.tenantId, connectorId: record.connectorId, trigger };
      let started: SyncLog | undefined;
      const onStarted = (log: SyncLog) => {
        started = log;
        core.events.emit({
          type: "syncStarted",
          ...base,
          syncId: log.id,
          mode: log.mode,
          startedAt: log.startedAt,
        });
      };
      const log = await runSync({
        integration: record,
        connector,
        storage,
        state: core.stateOf(record),
        openSecrets: () => core.secrets.open(record),
        mapperFor: core.mappers.mapperFor(record, connector),
        logger: core.logger,
        telemetry: core.telemetry,
        trigger,
        ...(syncOptions.reason ? { reason: syncOptions.reason } : {}),
        actor: syncOptions.actor ?? actorOf(trigger),
        requestedMode: syncOptions.full ? "full" : "auto",
        ...(syncOptions.signal ? { signal: syncOptions.signal } : {}),
        guard: resolveGuard(options.guard, record.guard),
        ...(syncOptions.confirmMassDeactivation ? { confirmMassDeactivation: true } : {}),
        ...(syncOptions.onProgress ? { onProgress: syncOptions.onProgress } : {}),
        clock: core.clock,
        newId: core.newId,
        onStarted,
      }).catch((error: unknown) => {
        if (started)
          core.events.emit({
            type: "syncFinished",
            ...base,
            syncId: started.id,
            log: failedLog(started, error, core.clock()),
          });
        throw error;
      });
      core.events.emit({ type: "syncFinished", ...base, syncId: log.id, log: structuredClone(log) });
      options.onSyncFinished?.(log);
      return log;
    },

    syncLogs: async (id, page) => storage.syncLogs.list(id, page),
    auditLog: (filter) => storage.audit.list(filter),

    withConnectorContext: async (id, fn, { signal } = {}) =>
      fn(await core.contextOf(await core.load(id), signal)),

    on: (type, listener) => core.events.on(type, listener),

    onIntegrationEvent(listener) {
      core.listeners.add(listener);
      return () => core.listeners.delete(listener);
    },

    async confirmDeactivations(id, { actor } = {}) {
      const record = await core.load(id);
      const { users, records } = await withSyncLock(storage, id, async (fence) => ({
        users: await storage.directory.commitPendingDeactivations(id, fence),
        records: await storage.directory.commitPendingRemovals(id, undefined, fence),
      }));
      await core.audit(record, actor, "sync.deactivations.confirmed", {
        count: users + records,
        users,
        records,
      });
      return users + records;
    },

    async discardDeactivations(id, { actor } = {}) {
      const record = await core.load(id);
      const { users, records } = await withSyncLock(storage, id, async (fence) => ({
        users: await storage.directory.discardPendingDeactivations(id, fence),
        records: await storage.directory.discardPendingRemovals(id, undefined, fence),
      }));
      await core.audit(record, actor, "sync.deactivations.discarded", {
        count: users + records,
        users,
        records,
      });
      return users + records;
    },

    records: createRecordsApi(storage),
    previewMapping: (id, kind, samples, previewOptions) =>
      previewMapping(core, id, kind, samples, previewOptions),
  };
  return hub;
}

/** The log of a run that threw after it started (its storage failed): failed, with the error's code. */
function failedLog(started: SyncLog, error: unknown, at: Date): SyncLog {
  const code = isUslimatoError(error) ? error.code : "STORAGE_FAILED";
  return { ...started, status: "failed", finishedAt: at, failureCode: code };
}

function actorOf(trigger: SyncTrigger): Actor {
  if (trigger === "schedule") return { type: "scheduler", id: "scheduler" };
  if (trigger === "webhook") return { type: "webhook", id: "webhook" };
  if (trigger === "watch") return { type: "watcher", id: "watcher" };
  return SYSTEM_ACTOR;
}
