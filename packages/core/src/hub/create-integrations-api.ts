import type { AuditAction } from "../audit/audit-entry";
import { CoreError } from "../errors/core-error";
import type { IntegrationRecord } from "../storage/records";
import type { IntegrationsApi } from "./hub";
import type { HubCore } from "./hub-core";
import { plainSecrets } from "./integration-secrets";

const AUDITED_FIELDS = [
  "name",
  "settings",
  "direction",
  "intervalMinutes",
  "mappings",
  "enabled",
  "guard",
] as const;

/** The hub's integrations API: validated configuration in, sealed secrets, "configured" views out, audited. */
export function createIntegrationsApi(core: HubCore): IntegrationsApi {
  const { storage } = core.options;
  const api: IntegrationsApi = {
    async create(input, { actor } = {}) {
      const connector = core.registry.get(input.connectorId);
      const secrets = input.secrets ?? {};
      const direction = input.direction ?? connector.capabilities.directions[0] ?? "inbound";
      const mappings = input.mappings ?? {};
      const candidate = {
        settings: input.settings,
        secrets: plainSecrets(secrets),
        direction,
        intervalMinutes: input.intervalMinutes,
        mappings,
        ...(input.guard !== undefined ? { guard: input.guard } : {}),
      };
      const settings = await core.validate(connector, input.tenantId, candidate, true);
      const now = core.clock();
      const record: IntegrationRecord = {
        id: input.id ?? core.newId(),
        tenantId: input.tenantId,
        connectorId: connector.id,
        name: input.name,
        settings,
        direction,
        intervalMinutes: input.intervalMinutes,
        mappings,
        enabled: input.enabled ?? true,
        ...(input.guard !== undefined ? { guard: { ...input.guard } } : {}),
        createdAt: now,
        updatedAt: now,
        revision: 1,
      };
      await storage.integrations.insert(record);
      const { set } = await core.secrets.store(record, secrets);
      await core.audit(record, actor, "integration.created", {
        connectorId: connector.id,
        name: record.name,
        intervalMinutes: record.intervalMinutes,
        enabled: record.enabled,
      });
      if (set.length) await core.audit(record, actor, "secret.set", { names: set });
      await core.emit("created", record);
      return core.view(record);
    },

    async update(id, input, { actor } = {}) {
      const current = await core.load(id);
      if (input.expectedRevision !== undefined && input.expectedRevision !== current.revision) {
        throw new CoreError(
          "STORAGE_CONFLICT",
          `Integration ${id} changed meanwhile (revision ${current.revision}, expected ${input.expectedRevision})`,
        );
      }
      const connector = core.registry.get(current.connectorId);
      const secrets = input.secrets ?? {};
      const { guard: currentGuard, ...rest } = current;
      const guard = input.guard === undefined ? currentGuard : (input.guard ?? undefined);
      const next: IntegrationRecord = {
        ...rest,
        ...(guard ? { guard: { ...guard } } : {}),
        name: input.name ?? current.name,
        direction: input.direction ?? current.direction,
        intervalMinutes: input.intervalMinutes ?? current.intervalMinutes,
        mappings: input.mappings ?? current.mappings,
        enabled: input.enabled ?? current.enabled,
        updatedAt: core.clock(),
        revision: current.revision + 1,
      };
      next.settings = await core.validate(
        connector,
        current.tenantId,
        {
          settings: input.settings ?? current.settings,
          secrets: plainSecrets(secrets),
          direction: next.direction,
          intervalMinutes: next.intervalMinutes,
          mappings: next.mappings,
          ...(input.guard ? { guard: input.guard } : {}),
        },
        false,
      );
      if (!(await storage.integrations.update(next, current.revision))) {
        throw new CoreError("STORAGE_CONFLICT", `Integration ${id} changed meanwhile; reload and try again`);
      }
      const changed = AUDITED_FIELDS.filter(
        (key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]),
      );
      if (changed.length)
        await core.audit(next, actor, actionFor(changed, next.enabled), { fields: changed });
      const { set, removed } = await core.secrets.store(next, secrets);
      if (set.length) await core.audit(next, actor, "secret.set", { names: set });
      if (removed.length) await core.audit(next, actor, "secret.removed", { names: removed });
      if (current.enabled !== next.enabled) await core.emit(next.enabled ? "enabled" : "disabled", next);
      else if (changed.length || set.length || removed.length) await core.emit("updated", next);
      return core.view(next);
    },

    enable: (id, options) => api.update(id, { enabled: true }, options),
    disable: (id, options) => api.update(id, { enabled: false }, options),

    async remove(id, { actor } = {}) {
      const record = await core.load(id);
      await core.emit("deleting", record);
      await core.registry.get(record.connectorId).release?.(id);
      await storage.integrations.delete(id);
      core.mappers.forget(id);
      await core.audit(record, actor, "integration.deleted", {
        connectorId: record.connectorId,
        name: record.name,
      });
    },

    get: async (id) => core.view(await core.load(id)),
    list: async (filter) => Promise.all((await storage.integrations.list(filter)).map(core.view)),
  };
  return api;
}

function actionFor(changed: ReadonlyArray<string>, enabled: boolean): AuditAction {
  if (changed.length === 1 && changed[0] === "enabled")
    return enabled ? "integration.enabled" : "integration.disabled";
  return "integration.updated";
}
