import type { SyncDirection } from "../connector/connector";
import type { JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { Secret } from "../secrets/secret";
import type { DeactivationGuardOptions } from "../sync/deactivation-guard";

/** What an admin gives to create an integration. */
export interface CreateIntegrationInput {
  tenantId: string;
  connectorId: string;
  name: string;
  /** Validated against the connector's settings schema. */
  settings: unknown;
  /** Plaintext (or {@link Secret}) values by secret name; sealed at once, never stored or returned in clear. */
  secrets?: Readonly<Record<string, string | Secret | undefined>>;
  /** Default: the connector's first supported direction. */
  direction?: SyncDirection;
  intervalMinutes: number;
  /** Overrides of the connector's default mappings, per entity kind. */
  mappings?: Partial<Record<EntityKind, JsonValue>>;
  /** Default true. */
  enabled?: boolean;
  /**
   * This integration's mass-deactivation guard, e.g. `{ maxShare: 0.05, minCount: 25 }` (Entra provisioning sets
   * its accidental-deletion threshold per application). Fields left out come from the hub's `guard` option.
   */
  guard?: DeactivationGuardOptions;
  /** Id to use (default: a random UUID). */
  id?: string;
}

/** What an admin may change. Secrets given here replace the stored ones; `null` removes one. */
export interface UpdateIntegrationInput {
  name?: string;
  settings?: unknown;
  secrets?: Readonly<Record<string, string | Secret | null | undefined>>;
  direction?: SyncDirection;
  intervalMinutes?: number;
  mappings?: Partial<Record<EntityKind, JsonValue>>;
  enabled?: boolean;
  /** Replaces the integration's guard; `null` goes back to the hub's. */
  guard?: DeactivationGuardOptions | null;
  /** Reject the update if the stored revision differs (optimistic concurrency). */
  expectedRevision?: number;
}
