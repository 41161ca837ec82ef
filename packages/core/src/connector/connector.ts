import type { z } from "zod";
import type { BackgroundServiceFactory } from "../background/background-service";
import type { ServiceDiagnosis } from "../errors/service-diagnosis";
import type { ConnectorFormHints } from "../forms/form-hints";
import type { Logger } from "../logging/logger";
import type { Secret } from "../secrets/secret";
import type { Telemetry } from "../telemetry/telemetry";
import type { ConnectorState } from "./connector-state";
import type { JsonValue } from "./json";
import type { EntityKind, SourcePage } from "./source-page";

/** Which way data flows. The connectors shipped with the SDK are `inbound`. */
export type SyncDirection = "inbound" | "outbound" | "both";

/** What a connector can do beyond a full read. */
export interface ConnectorCapabilities {
  /** `read` can resume from a checkpoint and return only changes. */
  incremental: boolean;
  /** The connector can receive change notifications (see `webhooks`). */
  webhooks: boolean;
  /** Directions the connector supports; the first is the default. */
  directions: ReadonlyArray<SyncDirection>;
}

/** The secrets of an integration, opened just in time, as {@link Secret}s that cannot print. */
export type OpenSecrets<SecretName extends string = string> = Readonly<Partial<Record<SecretName, Secret>>>;

/** What every connector call receives. */
export interface ConnectorContext<Settings = unknown, SecretName extends string = string> {
  integrationId: string;
  tenantId: string;
  settings: Settings;
  secrets: OpenSecrets<SecretName>;
  logger: Logger;
  signal: AbortSignal;
  /** The connector's private, sealed state for this integration. */
  state: ConnectorState;
  /**
   * The host's telemetry (absent or a no-op when it gave none): hand it to HTTP clients (`createHttpClient`'s
   * `telemetry`, msgraph's Graph client) so each outbound request gets a span, and retries and throttling waits
   * are counted.
   */
  telemetry?: Telemetry;
}

/** What `read` receives beyond the common context. */
export interface ReadContext<Settings = unknown, SecretName extends string = string>
  extends ConnectorContext<Settings, SecretName> {
  /** The checkpoint of the last applied page, or `null` for a first (full) run. */
  checkpoint: JsonValue | null;
  /** `full` when the host asked for a full resync (the checkpoint is then `null`). */
  requestedMode: "auto" | "full";
}

/** One step of a connection test. */
export interface ConnectionTestStep {
  name: string;
  ok: boolean;
  message: string;
  /** What the external service said when this step failed on a call (status, its error code and ids). */
  diagnosis?: ServiceDiagnosis;
}

/** A connection test result a UI can show as it is. */
export type ConnectionTestResult =
  | { ok: true; steps: ReadonlyArray<ConnectionTestStep>; details?: Readonly<Record<string, string>> }
  | {
      ok: false;
      /** The step that failed, e.g. `token`, `permissions`, `read`. */
      failedStep: string;
      /** A stable code for the failure, e.g. `TENANT_NOT_FOUND`, `INVALID_SECRET`, `CONSENT_MISSING`. */
      code: string;
      /** What went wrong, in words for an admin. */
      message: string;
      /** What the admin should do about it. */
      remedy: string;
      steps: ReadonlyArray<ConnectionTestStep>;
      /** The service's request id (Graph's `request-id`), for support. Never a token endpoint's trace id. */
      requestId?: string;
      /** What the external service said, field by field, when the failed step was a call. */
      diagnosis?: ServiceDiagnosis;
    };

/**
 * The contract a connector implements: what it is, what it needs, and how it reads. A connector never touches
 * host storage: it yields pages and the hub applies them.
 *
 * The type parameters carry what `hub.integrations.create` checks: the settings the connector works with, the
 * names of its secrets, its id, and the settings an admin may hand in (the schema's input, before defaults).
 * {@link defineConnector} infers all four; the hub infers them from the connectors given to `createHub`.
 */
export interface Connector<
  Settings = unknown,
  SecretName extends string = string,
  Id extends string = string,
  SettingsInput = unknown,
> {
  /** Stable id, e.g. `entra`. */
  id: Id;
  /** Display title, e.g. `Microsoft Entra ID`. */
  title: string;
  description?: string;
  /** Validates (and may default) the settings: `SettingsInput` in, `Settings` out. */
  settingsSchema: z.ZodType<Settings, SettingsInput>;
  /** Validates the secrets; they are sealed by the credential store and never stored in settings. */
  secretsSchema: z.ZodType<Partial<Record<SecretName, string>>>;
  /** Names of the secrets (used for the "configured" view). */
  secretNames: ReadonlyArray<SecretName>;
  /** Entity kinds this connector produces. */
  entities: ReadonlyArray<EntityKind>;
  capabilities: ConnectorCapabilities;
  /**
   * Default field mappings per entity kind, in the mapping engine's JSON form. Empty declares that the records
   * already carry internal field names (`email`, `displayName`, `active`): such a connector needs no mapping engine.
   * A hub given a connector with default mappings and no engine is refused when it is made.
   */
  defaultMappings: Readonly<Partial<Record<EntityKind, JsonValue>>>;
  /**
   * UI hints for the Configure dialog (labels, help, enum titles, advanced fields, conditions); see
   * `describeConnectorForm`. Optional: without them the form is made from the schemas and their `.meta()` alone.
   */
  form?: ConnectorFormHints<NoInfer<SecretName>>;
  /**
   * What the connector runs in the background of a host (webhook subscriptions, a change watcher), started and
   * stopped by `createInterfaceHub` from `@uslimato/host`. Hosts that compose the hub themselves may ignore it.
   */
  background?: BackgroundServiceFactory;
  /** Checks the configuration against the external system without changing anything. */
  testConnection(ctx: ConnectorContext<Settings, SecretName>): Promise<ConnectionTestResult>;
  /** Reads pages, from `ctx.checkpoint` on. */
  read(ctx: ReadContext<Settings, SecretName>): AsyncIterable<SourcePage>;
  /** Frees what the connector holds for an integration (token caches, subscriptions in memory). */
  release?(integrationId: string): Promise<void> | void;
}

/**
 * Connectors whose type does not carry their settings (a connector typed `Connector<Settings>` with a plain string
 * id) register the settings an admin hands in here, keyed by connector id, through declaration merging. A
 * registered type wins over the one inferred from the connector.
 *
 * @example
 * ```ts
 * declare module "@uslimato/core" {
 *   interface ConnectorSettingsRegistry { hr: { baseUrl: string } }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: extended by plugins through declaration merging
export interface ConnectorSettingsRegistry {}

/** A connector of any settings type, as the registry holds it. */
export type AnyConnector = Connector<unknown, string, string, unknown>;
