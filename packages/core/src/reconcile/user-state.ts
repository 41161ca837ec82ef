import type { JsonObject } from "../connector/json";
import type { StoredUser } from "../storage/records";
import type { UserUpdate } from "../storage/storage-adapter";

/** The fields of a user that a sync writes. */
export type SyncedUserFields = Pick<StoredUser, "email" | "displayName" | "active">;

/**
 * One host user as a page sees it while it is reconciled: its own copy of the fields a sync writes (the lookup's
 * `StoredUser` is never changed), the changes planned so far, and this integration's link. Built by
 * {@link existingUserState} and {@link newUserState} only, so every state has one shape.
 */
export interface UserState extends SyncedUserFields {
  readonly id: string;
  /** Created by this page. */
  readonly isNew: boolean;
  readonly role: string;
  attributes: JsonObject;
  /** Changes to write to an existing user; null while there are none. */
  changes: UserUpdate["set"] | null;
  /** Counted as updated by this page (linked by email, or a field changed). */
  updated: boolean;
  /** The external id of this integration linked to the user, if any. */
  externalId: string | undefined;
}

/** The state of a user found by the lookup. */
export function existingUserState(user: StoredUser, externalId: string | undefined): UserState {
  return userState(
    user.id,
    false,
    user.role,
    user.email,
    user.displayName,
    user.active,
    user.attributes,
    externalId,
  );
}

/** The state of a user this page creates, linked to `externalId`. */
export function newUserState(
  id: string,
  role: string,
  email: string,
  displayName: string | null,
  active: boolean,
  attributes: JsonObject,
  externalId: string,
): UserState {
  return userState(id, true, role, email, displayName, active, attributes, externalId);
}

function userState(
  id: string,
  isNew: boolean,
  role: string,
  email: string,
  displayName: string | null,
  active: boolean,
  attributes: JsonObject,
  externalId: string | undefined,
): UserState {
  return {
    id,
    isNew,
    role,
    email,
    displayName,
    active,
    attributes,
    changes: null,
    updated: false,
    externalId,
  };
}

/** Sets one synced field; on an existing user the change is recorded for the update. */
export function setUserField<K extends keyof SyncedUserFields>(
  state: UserState,
  field: K,
  value: SyncedUserFields[K],
): void {
  const fields: SyncedUserFields = state;
  if (fields[field] === value) return;
  fields[field] = value;
  if (state.isNew) return;
  state.changes = { ...state.changes, [field]: value };
  state.updated = true;
}

/** Replaces the user's attributes; on an existing user the change is recorded for the update. */
export function setUserAttributes(state: UserState, attributes: JsonObject): void {
  state.attributes = attributes;
  if (state.isNew) return;
  state.changes = { ...state.changes, attributes };
  state.updated = true;
}
