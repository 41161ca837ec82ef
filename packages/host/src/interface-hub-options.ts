import type {
  AnyConnector,
  BackgroundServiceFactory,
  CredentialVault,
  HubOptions,
  MappingEngine,
} from "@uslimato/core";
import type { KeyRing } from "@uslimato/credential-store";
import type { SchedulerOptions } from "@uslimato/scheduler";
import type { PgBossSchedulerOptions } from "@uslimato/scheduler/pg-boss";

/** Scheduling options the composition does not fill in itself (it supplies `source` and `run`). */
type SchedulerTuning<O> = Omit<O, "source" | "run" | "planTable" | "logger">;

/**
 * Who runs scheduled syncs: `"in-process"` (default; one process), `{ inProcess: {...} }` to tune it,
 * `{ pgBoss: {...} }` for many instances on PostgreSQL (pg-boss is then loaded, an optional peer), or `false`
 * for none (syncs only on demand and from notifications).
 */
export type SchedulerChoice =
  | "in-process"
  | false
  | { inProcess: SchedulerTuning<SchedulerOptions> }
  | { pgBoss: SchedulerTuning<PgBossSchedulerOptions> };

/** Where change notifications arrive. */
export interface WebhooksOptions {
  /** The public base URL the external services reach, e.g. `https://hub.example.com` (https in production). */
  publicUrl: string;
  /** The path the host mounts {@link InterfaceHub.handler} under; each connector gets `<path>/<connector id>`. Default `/webhooks`. */
  path?: string;
  /** Create and renew change-notification subscriptions of enabled integrations. Default true. */
  subscribe?: boolean;
}

/**
 * What a host hands to `createInterfaceHub`: everything `createHub` takes, with a key ring instead of a vault if
 * it likes, plus the scheduler, where notifications arrive, and background services of its own.
 */
export interface InterfaceHubOptions<C extends AnyConnector = AnyConnector>
  extends Omit<HubOptions<C>, "vault" | "mapping"> {
  /** The key ring that seals secrets (`keyRingFromEnv` from `@uslimato/credential-store`); or give `vault`. */
  keyRing?: KeyRing;
  /** A credential vault of your own, instead of `keyRing`. */
  vault?: CredentialVault;
  /** The field-mapping engine; default `fieldMappingEngine()` from `@uslimato/field-mapping`. */
  mapping?: MappingEngine;
  /** Who runs scheduled syncs; default `"in-process"`. */
  scheduler?: SchedulerChoice;
  /** Where change notifications arrive; without it, no receiver runs and no subscription is made. */
  webhooks?: WebhooksOptions;
  /** Background services of the host's own (a watcher it wrote), run beside the connectors' own. */
  services?: ReadonlyArray<BackgroundServiceFactory>;
  /** How long `stop()` lets running syncs finish before it aborts them. Default 30 s. */
  drainTimeoutMs?: number;
}
