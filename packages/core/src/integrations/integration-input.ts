import type { z } from "zod";
import type { AnyConnector, ConnectorSettingsRegistry, SyncDirection } from "../connector/connector";
import type { JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { Secret } from "../secrets/secret";
import type { DeactivationGuardOptions } from "../sync/deactivation-guard";

/** The connectors among `C` that may carry the id `Id` (all of them when their id is a plain `string`). */
export type ConnectorWithId<C extends AnyConnector, Id extends string> = C extends AnyConnector
  ? Id extends C["id"]
    ? C
    : never
  : never;

/**
 * The settings an admin hands in for connector `Id` among `C`: the type registered in
 * {@link ConnectorSettingsRegistry} if there is one, else the input type of the connector's settings schema.
 */
export type SettingsInputOf<
  C extends AnyConnector,
  Id extends string = C["id"],
> = Id extends keyof ConnectorSettingsRegistry
  ? ConnectorSettingsRegistry[Id]
  : z.input<ConnectorWithId<C, Id>["settingsSchema"]>;

/** The secret names of connector `Id` among `C`. */
export type SecretNameOf<C extends AnyConnector, Id extends string = C["id"]> = ConnectorWithId<
  C,
  Id
>["secretNames"][number];

/** What an admin gives to create an integration, whatever its connector. */
export interface CreateIntegrationFields {
  tenantId: string;
  name: string;
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

/** What an admin gives to create an integration of connector `Id` among `C`, with its settings and secret names. */
export type CreateIntegrationInputFor<C extends AnyConnector, Id extends string> = CreateIntegrationFields & {
  connectorId: Id;
  /** Validated against the connector's settings schema. */
  settings: SettingsInputOf<C, Id>;
  /** Plaintext (or {@link Secret}) values by secret name; sealed at once, never stored or returned in clear. */
  secrets?: Readonly<Partial<Record<SecretNameOf<C, Id>, string | Secret | undefined>>>;
};

/**
 * What an admin gives to create an integration: a union over the connectors `C` (default: any connector),
 * discriminated by `connectorId`, each member with that connector's settings and secret names.
 *
 * @example
 * ```ts
 * const input: CreateIntegrationInput<ReturnType<typeof myConnector>> = { tenantId: "t1", connectorId: "hr", name: "HR", settings: {}, intervalMinutes: 60 };
 * ```
 */
export type CreateIntegrationInput<C extends AnyConnector = AnyConnector> = C["id"] extends infer Id extends
  string
  ? Id extends string
    ? CreateIntegrationInputFor<C, Id>
    : never
  : never;

/** What an admin may change, whatever the connector. */
export interface UpdateIntegrationFields {
  name?: string;
  direction?: SyncDirection;
  intervalMinutes?: number;
  mappings?: Partial<Record<EntityKind, JsonValue>>;
  enabled?: boolean;
  /** Replaces the integration's guard; `null` goes back to the hub's. */
  guard?: DeactivationGuardOptions | null;
  /** Reject the update if the stored revision differs (optimistic concurrency). */
  expectedRevision?: number;
}

/**
 * What an admin may change on an integration of one of the connectors `C`. Settings given here replace the stored
 * ones; secrets given here replace the stored ones, and `null` removes one.
 */
export type UpdateIntegrationInput<C extends AnyConnector = AnyConnector> = C extends AnyConnector
  ? UpdateIntegrationFields & {
      settings?: SettingsInputOf<C>;
      secrets?: Readonly<Partial<Record<SecretNameOf<C>, string | Secret | null | undefined>>>;
    }
  : never;
