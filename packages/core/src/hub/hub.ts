import type { Actor, AuditEntry } from "../audit/audit-entry";
import type { AnyConnector, ConnectionTestResult, ConnectorContext } from "../connector/connector";
import type { EntityKind } from "../connector/source-page";
import type { CreateIntegrationInputFor, UpdateIntegrationInput } from "../integrations/integration-input";
import type { IntegrationView } from "../integrations/integration-view";
import type { SyncProgress } from "../sync/sync-progress";
import type { SyncLog, SyncTrigger } from "../sync-log/sync-log";
import type { HubEventListener, HubEventMap } from "./hub-events";
import type { MappingPreview, PreviewMappingOptions } from "./preview-mapping";
import type { RecordsApi } from "./records-api";

/** Who is acting, for the audit log. Default: the system. */
export interface ActingOptions {
  actor?: Actor;
}

/** Options of {@link Hub.syncNow}. */
export interface SyncNowOptions extends ActingOptions {
  /** What started the run. Default `manual` ("Sync now"); `watch` for a change watcher. */
  trigger?: SyncTrigger;
  /** Why the run started, in words (a watcher's reason); kept in the sync log as `reason`. */
  reason?: string;
  /** `true` forgets the checkpoint and reads everything. */
  full?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Apply deactivations even above the mass-deactivation guard (the admin confirmed). */
  confirmMassDeactivation?: boolean;
}

/**
 * The integrations API of a hub over the connectors `C`. Secrets go in; only a "configured" indicator comes out.
 * `create` accepts only the ids of `C`, each with its connector's settings and secret names.
 */
export interface IntegrationsApi<C extends AnyConnector = AnyConnector> {
  create<const Id extends C["id"]>(
    input: CreateIntegrationInputFor<C, Id>,
    options?: ActingOptions,
  ): Promise<IntegrationView>;
  update(id: string, input: UpdateIntegrationInput<C>, options?: ActingOptions): Promise<IntegrationView>;
  enable(id: string, options?: ActingOptions): Promise<IntegrationView>;
  disable(id: string, options?: ActingOptions): Promise<IntegrationView>;
  /** Deletes the configuration, secrets and synced links; keeps users, sync logs and the audit log. */
  remove(id: string, options?: ActingOptions): Promise<void>;
  get(id: string): Promise<IntegrationView>;
  list(filter?: { tenantId?: string; connectorId?: string; enabled?: boolean }): Promise<IntegrationView[]>;
}

/** Something that happened to an integration; listeners run before the call that caused it returns. */
export interface IntegrationEvent {
  type: "created" | "updated" | "enabled" | "disabled" | "deleting";
  integrationId: string;
  connectorId: string;
  tenantId: string;
}

/** What `createHub` returns: everything a host app does with integrations of the connectors `C`. */
export interface Hub<C extends AnyConnector = AnyConnector> {
  readonly integrations: IntegrationsApi<C>;
  /** The registered connectors. */
  connectors(): ReadonlyArray<C>;
  /** Checks the configuration against the external system ("Test connection"). */
  testConnection(
    id: string,
    options?: ActingOptions & { signal?: AbortSignal },
  ): Promise<ConnectionTestResult>;
  /** Runs a sync now and returns its log ("Sync now"); `SYNC_ALREADY_RUNNING` if one is running. */
  syncNow(id: string, options?: SyncNowOptions): Promise<SyncLog>;
  /** Sync logs of an integration, newest first. */
  syncLogs(id: string, page?: { limit?: number; before?: Date }): Promise<SyncLog[]>;
  /** Audit entries, newest first. */
  auditLog(filter: { tenantId?: string; integrationId?: string; limit?: number }): Promise<AuditEntry[]>;
  /**
   * Applies deactivations and device/asset removals held back by the mass-deactivation guard; returns how many
   * users were deactivated plus how many records were removed. Runs under the integration's sync lock:
   * `SYNC_ALREADY_RUNNING` while a sync runs.
   */
  confirmDeactivations(id: string, options?: ActingOptions): Promise<number>;
  /**
   * Drops deactivations and removals held back by the guard; returns how many were dropped. Under the sync lock,
   * likewise.
   */
  discardDeactivations(id: string, options?: ActingOptions): Promise<number>;
  /** Devices and assets for hosts: a user's records, and the records nobody owns. */
  readonly records: RecordsApi;
  /** Maps sample records of a kind with the integration's mapping (or unsaved overrides): a dry run for admins. */
  previewMapping(
    id: string,
    kind: EntityKind,
    samples: ReadonlyArray<Readonly<Record<string, unknown>>>,
    options?: PreviewMappingOptions,
  ): Promise<MappingPreview>;
  /**
   * Runs `fn` with the integration's connector context (settings, secrets opened just in time, sealed state,
   * logger): how connector packages do work outside a sync, e.g. managing webhook subscriptions.
   */
  withConnectorContext<T>(
    id: string,
    fn: (ctx: ConnectorContext<unknown, string>) => Promise<T>,
    options?: { signal?: AbortSignal },
  ): Promise<T>;
  /**
   * Listens to sync events: `syncStarted` once a run holds its lock, `syncFinished` when it ended (with its sync
   * log), so hosts, tests and graceful shutdowns need not poll the sync log. Listeners are not awaited; what they
   * throw or reject is logged and never affects the run. Returns a function that removes the listener.
   */
  on<E extends keyof HubEventMap>(type: E, listener: HubEventListener<E>): () => void;
  /** Listens to integration events (webhook modules remove subscriptions on `disabled` and `deleting`). */
  onIntegrationEvent(listener: (event: IntegrationEvent) => void | Promise<void>): () => void;
}
