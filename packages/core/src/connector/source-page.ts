import type { JsonValue } from "./json";

/** The kinds of entity a connector can produce. */
export type EntityKind = "user" | "group" | "device" | "asset";

/** Every entity kind, in the order a sync applies them (users before the groups that reference them). */
export const ENTITY_KINDS: ReadonlyArray<EntityKind> = ["user", "group", "device", "asset"];

/** One record as the external system returned it. Field mapping turns `data` into internal fields. */
export interface SourceRecord {
  /** The record's stable id in the external system (Entra object id, SAP key...). */
  externalId: string;
  /** External fields by their external names. */
  data: Readonly<Record<string, unknown>>;
}

/** Why a record left the source. */
export type RemovalReason = "deleted" | "softDeleted" | "outOfScope";

/** A record that left the source. A removal never deletes data: it deactivates. */
export interface SourceRemoval {
  externalId: string;
  reason: RemovalReason;
}

/** Membership changes of one group, by external ids. */
export interface MembershipChange {
  groupExternalId: string;
  added: ReadonlyArray<string>;
  removed: ReadonlyArray<string>;
}

/** Where a page stands in a full enumeration of its kind. */
export interface FullScanMarker {
  /** The first page of a full enumeration: a new sweep starts. */
  first?: boolean;
  /**
   * The last page of a full enumeration: everything of this kind that the integration manages and that no page
   * of the enumeration contained is gone from the source and gets deactivated.
   */
  last?: boolean;
}

/** Something the sync log should tell the admin (e.g. "the delta token expired; a full resync ran"). */
export interface SyncNotice {
  code: string;
  message: string;
}

/**
 * One page that a connector yields from `read`: upserts and removals of one entity kind, plus the opaque
 * checkpoint from which `read` can resume after this page.
 */
export interface SourcePage {
  kind: EntityKind;
  upserts: ReadonlyArray<SourceRecord>;
  removals: ReadonlyArray<SourceRemoval>;
  /** Only for `kind: "group"`: membership changes. */
  memberships?: ReadonlyArray<MembershipChange>;
  /** JSON state that lets `read` resume right after this page; saved only once the page is applied. */
  checkpoint: JsonValue;
  /** Present when this page is part of a full enumeration of `kind`. */
  fullScan?: FullScanMarker;
  /** Notes for the sync log. */
  notices?: ReadonlyArray<SyncNotice>;
}
