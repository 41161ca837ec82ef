import { type Actor, type AuditAction, SYSTEM_ACTOR } from "../audit/audit-entry";
import type { AnyConnector, ConnectorContext } from "../connector/connector";
import type { ConnectorState } from "../connector/connector-state";
import type { JsonObject } from "../connector/json";
import { ConfigError } from "../errors/config-error";
import { CoreError } from "../errors/core-error";
import { timeOrderedId } from "../ids/time-ordered-id";
import { type IntegrationView, toIntegrationView } from "../integrations/integration-view";
import {
  type IntegrationConfigCandidate,
  validateIntegrationConfig,
} from "../integrations/validate-integration";
import { createRedactingLogger } from "../logging/create-redacting-logger";
import type { Logger } from "../logging/logger";
import { noopLogger } from "../logging/noop-logger";
import type { MappingEngine } from "../mapping/mapping-engine";
import { passthroughMapping } from "../mapping/passthrough-mapping";
import { DEFAULT_PLANS, type PlanId, type PlanTable } from "../plans/plan";
import { assertInterfaceHubEntitled } from "../plans/resolve-plan";
import type { IntegrationRecord } from "../storage/records";
import { deactivationGuardSchema } from "../sync/deactivation-guard";
import { createTelemetry } from "../telemetry/create-telemetry";
import type { Telemetry } from "../telemetry/telemetry";
import { ConnectorRegistry } from "./connector-registry";
import { createSealedState } from "./create-sealed-state";
import type { IntegrationEvent } from "./hub";
import { createHubEvents, type HubEvents } from "./hub-events";
import type { HubOptions } from "./hub-options";
import { createIntegrationSecrets, type IntegrationSecrets } from "./integration-secrets";
import { createMapperCache, type MapperCache } from "./mapper-cache";

/** What the hub's parts share: options resolved to defaults and the small services built on them. */
export interface HubCore {
  /** The SDK's instruments over the host's tracer and meter (no-op without them). */
  telemetry: Telemetry;
  options: HubOptions;
  registry: ConnectorRegistry;
  plans: PlanTable;
  mapping: MappingEngine;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  secrets: IntegrationSecrets;
  mappers: MapperCache;
  listeners: Set<(event: IntegrationEvent) => void | Promise<void>>;
  /** Sync started / finished listeners. */
  events: HubEvents;
  planOf(tenantId: string): Promise<PlanId>;
  load(id: string): Promise<IntegrationRecord>;
  view(record: IntegrationRecord): Promise<IntegrationView>;
  audit(
    record: Pick<IntegrationRecord, "id" | "tenantId">,
    actor: Actor | undefined,
    action: AuditAction,
    details?: Record<string, string | number | boolean | null | string[]>,
  ): Promise<void>;
  emit(type: IntegrationEvent["type"], record: IntegrationRecord): Promise<void>;
  stateOf(record: IntegrationRecord): ConnectorState;
  contextOf(record: IntegrationRecord, signal?: AbortSignal): Promise<ConnectorContext<unknown, string>>;
  /** Validates a configuration against the connector, the plan and the mapping engine; throws `ConfigError`. */
  validate(
    connector: AnyConnector,
    tenantId: string,
    candidate: IntegrationConfigCandidate,
    requireAllSecrets: boolean,
  ): Promise<JsonObject>;
}

/** Resolves the hub's options and builds the services its parts share. */
export function createHubCore(options: HubOptions): HubCore {
  const { storage, vault } = options;
  if (options.guard !== undefined) {
    const guard = deactivationGuardSchema.safeParse(options.guard);
    if (!guard.success)
      throw new ConfigError(
        "the hub's guard option",
        guard.error.issues.map((issue) => ({
          path: ["guard", ...issue.path.map(String)],
          code: issue.code,
          message: issue.message,
        })),
      );
  }
  const clock = options.clock ?? (() => new Date());
  const plans = options.plans ?? DEFAULT_PLANS;
  const mapping = options.mapping ?? passthroughMapping;
  const secrets = createIntegrationSecrets(storage.secrets, vault, clock);
  const registry = new ConnectorRegistry(options.connectors);
  const logger = createRedactingLogger(options.logger ?? noopLogger, { secrets: () => [...secrets.opened] });
  const core: HubCore = {
    options,
    telemetry: createTelemetry(options.telemetry),
    registry,
    plans,
    mapping,
    clock,
    newId: options.newId ?? (() => timeOrderedId()),
    logger,
    secrets,
    mappers: createMapperCache(mapping),
    listeners: new Set(),
    events: createHubEvents(logger),
    planOf: async (tenantId) =>
      typeof options.plan === "function" ? options.plan(tenantId) : (options.plan ?? "enterprise"),
    async load(id) {
      const record = await storage.integrations.get(id);
      if (!record)
        throw new CoreError("INTEGRATION_NOT_FOUND", `No integration with id "${id}"`, {
          details: { integrationId: id },
        });
      return record;
    },
    view: async (record) =>
      toIntegrationView(
        record,
        await storage.secrets.list(record.id),
        registry.get(record.connectorId).secretNames,
      ),
    async audit(record, actor, action, details = {}) {
      await storage.audit.append({
        id: core.newId(),
        at: clock(),
        tenantId: record.tenantId,
        integrationId: record.id,
        actor: actor ?? SYSTEM_ACTOR,
        action,
        details,
      });
    },
    async emit(type, record) {
      for (const listener of core.listeners) {
        await listener({
          type,
          integrationId: record.id,
          connectorId: record.connectorId,
          tenantId: record.tenantId,
        });
      }
    },
    stateOf: (record) =>
      createSealedState(
        { tenantId: record.tenantId, integrationId: record.id },
        storage.secrets,
        vault,
        clock,
      ),
    contextOf: async (record, signal) => ({
      integrationId: record.id,
      tenantId: record.tenantId,
      settings: record.settings,
      secrets: await secrets.open(record),
      logger: core.logger.child({ integrationId: record.id }),
      signal: signal ?? new AbortController().signal,
      state: core.stateOf(record),
      telemetry: core.telemetry,
    }),
    async validate(connector, tenantId, candidate, requireAllSecrets) {
      const plan = await core.planOf(tenantId);
      assertInterfaceHubEntitled(plan, plans);
      const result = validateIntegrationConfig(connector, candidate, {
        plan,
        plans,
        mapping,
        requireAllSecrets,
      });
      if (!result.ok)
        throw new ConfigError(`configuration of a "${connector.id}" integration`, result.issues);
      return result.settings;
    },
  };
  return core;
}
