import type { JsonObject } from "../connector/json";
import { jsonEqual } from "./json-equal";
import type { UserCandidate } from "./user-candidate";
import { setUserAttributes, setUserField, type UserState } from "./user-state";

/**
 * Applies a candidate's display name, attributes and active status to a user's state. Create-only fields are
 * left alone on existing users; attributes compare by value (key order does not matter). Deactivating an existing
 * user is a pending mark (`pending`: external id -> mark or clear), applied after the run's guard.
 */
export function applyCandidateFields(
  state: UserState,
  candidate: UserCandidate,
  pending: Map<string, boolean>,
  pendingBefore: ReadonlySet<string>,
): void {
  const writable = (field: string) => state.isNew || !candidate.createOnly.has(field);
  if (candidate.displayName !== undefined && writable("displayName"))
    setUserField(state, "displayName", candidate.displayName);
  if (!state.isNew) {
    const attributes = mergedAttributes(state.attributes, candidate, writable);
    if (attributes) setUserAttributes(state, attributes);
  }
  if (candidate.active === undefined || !writable("active")) return;
  const { externalId } = candidate;
  if (candidate.active) {
    // Only a mark that exists (stored, or set earlier in this page) needs cancelling.
    if (pendingBefore.has(externalId) || pending.has(externalId)) pending.set(externalId, false);
    setUserField(state, "active", true);
  } else if (state.active) {
    if (state.isNew) setUserField(state, "active", false);
    else pending.set(externalId, true);
  }
}

/** The user's attributes with the candidate's writable ones merged in, or null when nothing changes. */
function mergedAttributes(
  current: JsonObject,
  candidate: UserCandidate,
  writable: (field: string) => boolean,
): JsonObject | null {
  let merged: JsonObject | null = null;
  for (const key in candidate.attributes) {
    const value = candidate.attributes[key]!;
    if (!writable(key) || jsonEqual(current[key], value)) continue;
    merged ??= { ...current };
    merged[key] = value;
  }
  return merged;
}
