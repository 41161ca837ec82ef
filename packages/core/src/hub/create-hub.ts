import { type Actor, SYSTEM_ACTOR } from "../audit/audit-entry";
import { CoreError } from "../errors/core-error";
import { assertInterfaceHubEntitled } from "../plans/resolve-plan";
import { runSync } from "../sync/run-sync";
import type { SyncTrigger } from "../sync-log/sync-log";
import { createIntegrationsApi } from "./create-integrations-api";
import type { Hub } from "./hub";
import { createHubCore } from "./hub-core";
import type { HubOptions } from "./hub-options";
import { previewMapping } from "./preview-mapping";
import { createRecordsApi } from "./records-api";

/**
 * Composes a hub from the host's storage adapter, credential vault, connectors, plan and logger.
 *
 * @example
 * ```ts
 * const hub = createHub({ storage: createMemoryStorage(), vault, connectors: [entraConnector()], plan: "enterprise" });
 * const { id } = await hub.integrations.create({ tenantId: "t1", connectorId: "entra", name: "Entra ID", settings, secrets: { clientSecret }, intervalMinutes: 60 });
 * await hub.testConnection(id);
 * const log = await hub.syncNow(id);
 * ```
 */
export function createHub(options: HubOptions): Hub {
  const core = createHubCore(options);
  const { storage } = options;

  return {
    integrations: createIntegrationsApi(core),
    connectors: () => core.registry.list(),

    async testConnection(id, { actor, signal } = {}) {
      const record = await core.load(id);
      const result = await core.registry
        .get(record.connectorId)
        .testConnection(await core.contextOf(record, signal));
      await core.audit(record, actor, "connection.tested", {
        ok: result.ok,
        ...(result.ok ? {} : { code: result.code, failedStep: result.failedStep }),
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
      const log = await runSync({
        integration: record,
        connector,
        storage,
        state: core.stateOf(record),
        openSecrets: () => core.secrets.open(record),
        mapperFor: core.mappers.mapperFor(record, connector),
        logger: core.logger,
        trigger,
        ...(syncOptions.reason ? { reason: syncOptions.reason } : {}),
        actor: syncOptions.actor ?? actorOf(trigger),
        requestedMode: syncOptions.full ? "full" : "auto",
        ...(syncOptions.signal ? { signal: syncOptions.signal } : {}),
        ...(options.guard ? { guard: options.guard } : {}),
        ...(syncOptions.confirmMassDeactivation ? { confirmMassDeactivation: true } : {}),
        ...(syncOptions.onProgress ? { onProgress: syncOptions.onProgress } : {}),
        clock: core.clock,
        newId: core.newId,
      });
      options.onSyncFinished?.(log);
      return log;
    },

    syncLogs: async (id, page) => storage.syncLogs.list(id, page),
    auditLog: (filter) => storage.audit.list(filter),

    withConnectorContext: async (id, fn, { signal } = {}) =>
      fn(await core.contextOf(await core.load(id), signal)),

    onIntegrationEvent(listener) {
      core.listeners.add(listener);
      return () => core.listeners.delete(listener);
    },

    async confirmDeactivations(id, { actor } = {}) {
      const record = await core.load(id);
      const users = await storage.directory.commitPendingDeactivations(id);
      const records = await storage.directory.commitPendingRemovals(id);
      await core.audit(record, actor, "sync.deactivations.confirmed", {
        count: users + records,
        users,
        records,
      });
      return users + records;
    },

    async discardDeactivations(id, { actor } = {}) {
      const record = await core.load(id);
      const users = await storage.directory.discardPendingDeactivations(id);
      const records = await storage.directory.discardPendingRemovals(id);
      await core.audit(record, actor, "sync.deactivations.discarded", {
        count: users + records,
        users,
        records,
      });
      return users + records;
    },

    records: createRecordsApi(storage.directory),
    previewMapping: (id, kind, samples, previewOptions) =>
      previewMapping(core, id, kind, samples, previewOptions),
  };
}

function actorOf(trigger: SyncTrigger): Actor {
  if (trigger === "schedule") return { type: "scheduler", id: "scheduler" };
  if (trigger === "webhook") return { type: "webhook", id: "webhook" };
  if (trigger === "watch") return { type: "watcher", id: "watcher" };
  return SYSTEM_ACTOR;
}
