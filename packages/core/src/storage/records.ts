import type { SyncDirection } from "../connector/connector";
import type { JsonObject, JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { DeactivationGuardOptions } from "../sync/deactivation-guard";

/** One configured connection of a connector for one host tenant, as stored. Secrets are stored apart, sealed. */
export interface IntegrationRecord {
  id: string;
  tenantId: string;
  connectorId: string;
  name: string;
  /** The connector's settings, validated against its schema. Never secret. */
  settings: JsonObject;
  direction: SyncDirection;
  intervalMinutes: number;
  /** Admin overrides of the connector's default field mappings, per entity kind (mapping engine JSON). */
  mappings: Partial<Record<EntityKind, JsonValue>>;
  enabled: boolean;
  /**
   * This integration's mass-deactivation guard (share and minimum count); fields it leaves out come from the
   * hub's `guard` option. Absent when the integration uses the hub's guard as it is.
   */
  guard?: DeactivationGuardOptions;
  createdAt: Date;
  updatedAt: Date;
  /** Increases by one on every change; used for optimistic concurrency. */
  revision: number;
}

/** A sealed secret of an integration. `envelope` is opaque ciphertext from the credential store. */
export interface SealedSecretRecord {
  tenantId: string;
  integrationId: string;
  /** The secret's name in the connector's secrets schema, e.g. `clientSecret`. */
  name: string;
  /** The key that sealed it (for rotation reports and re-wrap). */
  keyId: string;
  envelope: string;
  updatedAt: Date;
}

/** A runner-owned checkpoint: the connector's opaque state plus the runner's sweep bookkeeping. */
export interface CheckpointRecord {
  integrationId: string;
  value: JsonValue;
  updatedAt: Date;
}

/** A user of the host app. */
export interface StoredUser {
  id: string;
  /** Normalized (trimmed, lower-case). */
  email: string;
  displayName: string | null;
  active: boolean;
  /** `viewer` for users a sync created. */
  role: string;
  /** The HGE ID account, if the user can sign in. A sync never changes or removes it. */
  hgeIdAccountId: string | null;
  /** Further mapped fields. */
  attributes: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}

/** The link between a host user and a record of one integration. */
export interface UserLink {
  integrationId: string;
  externalId: string;
  userId: string;
  /** Set when a deactivation is waiting for the end of the run (or for the host's confirmation). */
  pendingDeactivation: boolean;
}

/** A group from an external system. Removed groups are marked, never deleted. */
export interface StoredGroup {
  integrationId: string;
  externalId: string;
  displayName: string | null;
  description: string | null;
  attributes: JsonObject;
  removed: boolean;
  updatedAt: Date;
}

/** The kinds of record that are neither users nor groups. */
export type RecordKind = Extract<EntityKind, "device" | "asset">;

/** The owner of a device or asset as stored: what the source said, and the host user it resolved to. */
export interface StoredRecordOwner {
  /** Normalized (trimmed, lower-case), or null. */
  email: string | null;
  externalUserId: string | null;
  /** The connector id whose links resolve `externalUserId`, e.g. `entra`. */
  source: string | null;
  /** The host user the owner resolved to, or null while no user matches (re-resolved when one appears). */
  userId: string | null;
}

/** A device or asset record from an external system. */
export interface StoredRecord {
  integrationId: string;
  kind: RecordKind;
  externalId: string;
  data: JsonObject;
  /** Who owns it, or null when the source names nobody. */
  owner: StoredRecordOwner | null;
  removed: boolean;
  /** Set when a removal is waiting for the end of the run (or for the host's confirmation). */
  pendingRemoval: boolean;
  updatedAt: Date;
}

/** A membership of a user (by external id) in a group (by external id), both of one integration. */
export interface StoredMembership {
  integrationId: string;
  groupExternalId: string;
  userExternalId: string;
}
