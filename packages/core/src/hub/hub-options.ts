import type { AnyConnector } from "../connector/connector";
import type { Logger } from "../logging/logger";
import type { MappingEngine } from "../mapping/mapping-engine";
import type { PlanId, PlanTable } from "../plans/plan";
import type { CredentialVault } from "../secrets/credential-vault";
import type { StorageAdapter } from "../storage/storage-adapter";
import type { DeactivationGuardOptions } from "../sync/deactivation-guard";
import type { SyncLog } from "../sync-log/sync-log";
import type { TelemetryOptions } from "../telemetry/telemetry-options";

/** What a host app hands to {@link createHub}; `C` is the type of its connectors, inferred from `connectors`. */
export interface HubOptions<C extends AnyConnector = AnyConnector> {
  /** The host's storage adapter. */
  storage: StorageAdapter;
  /** Seals and opens secrets (`createCredentialStore` from `@uslimato/credential-store`). */
  vault: CredentialVault;
  /** The connectors this host offers. */
  connectors: ReadonlyArray<C>;
  /**
   * The field-mapping engine (`fieldMappingEngine()` from `@uslimato/field-mapping`). Required when a connector has
   * default mappings; without one, records are taken as they are (for connectors whose `defaultMappings` are empty).
   */
  mapping?: MappingEngine;
  /** The host tenant's plan, or a function that looks it up. Default `enterprise`. */
  plan?: PlanId | ((tenantId: string) => PlanId | Promise<PlanId>);
  /** The plan table; default the seed's plans. */
  plans?: PlanTable;
  /** A pino-compatible logger; wrapped so that no secret reaches it. */
  logger?: Logger;
  /** The mass-deactivation guard's limits. */
  guard?: DeactivationGuardOptions;
  /** Time source (tests). */
  clock?: () => Date;
  /** Id source (tests); default time-ordered UUIDs (version 7, see `timeOrderedId`). */
  newId?: () => string;
  /**
   * OpenTelemetry's tracer and meter (structural; `openTelemetry()` from `@uslimato/host` loads them): a span per
   * sync, page and outbound request, and metrics. Absent: nothing is recorded or loaded.
   */
  telemetry?: TelemetryOptions;
  /** Called after every finished run (for schedulers, UIs, metrics). */
  onSyncFinished?: (log: SyncLog) => void;
}
