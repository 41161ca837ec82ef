import type { SyncDirection } from "../connector/connector";
import type { JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { Secret } from "../secrets/secret";

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
  /** Reject the update if the stored revision differs (optimistic concurrency). */
  expectedRevision?: number;
}
