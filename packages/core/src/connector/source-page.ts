import type { JsonValue } from "./json";

/** The kinds of entity a connector can produce. */
export type EntityKind = "user" | "group" | "device" | "asset";

/**
 * Who owns a device or asset, as the external system names the person: an e-mail address and/or the person's id
 * in another system. Core resolves it to a host user (see `docs/concepts.md`, "Owners").
 */
export interface RecordOwner {
  /** The owner's e-mail address (matched case-insensitively against host users). */
  email?: string;
  /** The owner's id in the system named by `source`, e.g. an Entra object id. */
  externalUserId?: string;
  /**
   * The connector id whose integrations link `externalUserId` to host users, e.g. `entra`. Without it only the
   * e-mail is used.
   */
  source?: string;
}

/** One record as the external system returned it. Field mapping turns `data` into internal fields. */
export interface SourceRecord {
  /** The record's stable id in the external system (Entra object id, SAP key...). */
  externalId: string;
  /** External fields by their external names. */
  data: Readonly<Record<string, unknown>>;
  /** Only for devices and assets: the person who owns the record; `null` or absent when nobody does. */
  owner?: RecordOwner | null;
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
  /**
   * `false` on the last page when the connector knows the enumeration ended early (a listing cut short by the
   * service): the sweep then removes nothing, and the sync log says so (notice `SWEEP_INCOMPLETE`). A last page
   * with a {@link LISTING_INCOMPLETE} notice counts the same. Default `true`.
   */
  complete?: boolean;
}

/**
 * The notice code a connector puts on a page to say its listing is incomplete. On the last page of a full
 * enumeration it stops the sweep from removing anything, like `fullScan.complete: false`.
 */
export const LISTING_INCOMPLETE = "LISTING_INCOMPLETE";

/** The notice the runner adds to the sync log when an incomplete listing kept a sweep from removing anything. */
export const SWEEP_INCOMPLETE = "SWEEP_INCOMPLETE";

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
