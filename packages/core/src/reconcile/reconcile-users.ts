import type { SourceRemoval } from "../connector/source-page";
import type { StoredUser } from "../storage/records";
import type { DirectoryBatch, NewUser, UserLookup, UserUpdate } from "../storage/storage-adapter";
import type { SyncErrorDetail } from "../sync-log/sync-log";
import type { UserCandidate } from "./user-candidate";

/** The outcome of reconciling one page of users: the batch to write and what it means. */
export interface UserReconciliation {
  batch: NonNullable<DirectoryBatch["users"]>;
  created: number;
  updated: number;
  failed: number;
  /** Per-record failures and warnings. */
  errors: SyncErrorDetail[];
}

/** Options of {@link reconcileUsers}. */
export interface ReconcileUsersOptions {
  newId: () => string;
  /** Role of users a sync creates. Default `viewer`. */
  role?: string;
}

interface UserState {
  user: StoredUser;
  changes: UserUpdate["set"] | null;
  isNew: boolean;
  /** Counted as updated by this page (linked by email, or a field changed). */
  updated: boolean;
  /** The external id of this integration linked to the user, if any. */
  externalId: string | undefined;
}

/**
 * The seed's matching logic for one page, as a pure function of the page and one batched lookup:
 * match by this integration's link to the external id, then by normalized email; create asset users (role
 * viewer, no HGE ID account) for the rest; update display name and active status; deactivate disabled and
 * removed users through pending marks (applied at the end of the run, after the mass-deactivation guard);
 * never touch the HGE ID linkage; a second source user with an email another one holds fails, not overwrites.
 */
export function reconcileUsers(
  upserts: ReadonlyArray<UserCandidate>,
  removals: ReadonlyArray<SourceRemoval>,
  lookup: UserLookup,
  options: ReconcileUsersOptions,
): UserReconciliation {
  const role = options.role ?? "viewer";
  const states = new Map<string, UserState>();
  const linkOf = new Map<string, UserState>();
  const ownerOfEmail = new Map<string, string>();
  const pendingBefore = new Set<string>();
  for (const { link, user } of lookup.byExternalId) {
    const state: UserState = {
      user,
      changes: null,
      isNew: false,
      updated: false,
      externalId: link.externalId,
    };
    linkOf.set(link.externalId, state);
    states.set(user.id, state);
    ownerOfEmail.set(user.email, user.id);
    if (link.pendingDeactivation) pendingBefore.add(link.externalId);
  }
  for (const { user, linkedExternalIds } of lookup.byEmail) {
    let state = states.get(user.id);
    if (!state) {
      state = { user, changes: null, isNew: false, updated: false, externalId: undefined };
      states.set(user.id, state);
    }
    ownerOfEmail.set(user.email, user.id);
    state.externalId ??= linkedExternalIds[0];
  }

  const links: Array<{ externalId: string; userId: string }> = [];
  const pending = new Map<string, boolean>();
  const errors: SyncErrorDetail[] = [];
  let failed = 0;

  const setField = (
    state: UserState,
    field: "email" | "displayName" | "active",
    value: string | boolean | null,
  ) => {
    if (state.user[field] === value) return;
    (state.user as unknown as Record<string, unknown>)[field] = value;
    if (state.isNew) return;
    state.changes ??= {};
    (state.changes as Record<string, unknown>)[field] = value;
    state.updated = true;
  };

  for (const candidate of upserts) {
    if (candidate.warnings.length > 0) errors.push(...candidate.warnings);
    const linked = linkOf.get(candidate.externalId);
    if (linked !== undefined) {
      const state = linked;
      applyEmailChange(state, candidate);
      applyFields(state, candidate);
      continue;
    }
    if (candidate.email === null) {
      failed++;
      errors.push(
        recordError(
          candidate.externalId,
          "email",
          "RECORD_INVALID",
          "The record has no email address (mail or userPrincipalName) to match on",
        ),
      );
      continue;
    }
    const ownerId = ownerOfEmail.get(candidate.email);
    if (ownerId !== undefined) {
      const state = states.get(ownerId)!;
      const linkedExternal = state.externalId;
      if (linkedExternal !== undefined && linkedExternal !== candidate.externalId) {
        failed++;
        errors.push(
          recordError(
            candidate.externalId,
            "email",
            "RECORD_DUPLICATE_EMAIL",
            `Another source user (${linkedExternal}) already has this email address`,
          ),
        );
        continue;
      }
      links.push({ externalId: candidate.externalId, userId: ownerId });
      linkOf.set(candidate.externalId, state);
      state.externalId = candidate.externalId;
      if (!state.isNew) state.updated = true;
      applyFields(state, candidate);
      continue;
    }
    const user = newUser(candidate, options.newId(), role);
    const state: UserState = {
      user,
      changes: null,
      isNew: true,
      updated: false,
      externalId: candidate.externalId,
    };
    states.set(user.id, state);
    links.push({ externalId: candidate.externalId, userId: user.id });
    linkOf.set(candidate.externalId, state);
    ownerOfEmail.set(candidate.email, user.id);
  }

  for (const removal of removals) {
    const state = linkOf.get(removal.externalId);
    if (state?.user.active) pending.set(removal.externalId, true);
  }

  const updates: UserUpdate[] = [];
  const creates: NewUser[] = [];
  let updated = 0;
  for (const state of states.values()) {
    if (state.isNew) {
      const { id, email, displayName, active, role: userRole, attributes } = state.user;
      creates.push({ id, email, displayName, active, role: userRole, attributes });
      continue;
    }
    if (state.changes) updates.push({ userId: state.user.id, set: state.changes });
    if (state.updated) updated++;
  }
  const markPendingDeactivation: string[] = [];
  const clearPendingDeactivation: string[] = [];
  for (const [externalId, mark] of pending) {
    if (mark) markPendingDeactivation.push(externalId);
    else if (pendingBefore.has(externalId)) clearPendingDeactivation.push(externalId);
  }
  return {
    batch: {
      create: creates,
      update: updates,
      link: links,
      markPendingDeactivation,
      clearPendingDeactivation,
    },
    created: creates.length,
    updated,
    failed,
    errors,
  };

  function applyEmailChange(state: UserState, candidate: UserCandidate): void {
    if (candidate.email === null || candidate.email === state.user.email || candidate.createOnly.has("email"))
      return;
    const holder = ownerOfEmail.get(candidate.email);
    if (holder !== undefined && holder !== state.user.id) {
      errors.push({
        ...recordError(
          candidate.externalId,
          "email",
          "RECORD_EMAIL_TAKEN",
          "The new email address belongs to another user; the old one is kept",
        ),
        severity: "warning",
      });
      return;
    }
    ownerOfEmail.delete(state.user.email);
    ownerOfEmail.set(candidate.email, state.user.id);
    setField(state, "email", candidate.email);
  }

  function applyFields(state: UserState, candidate: UserCandidate): void {
    const writable = (field: string) => state.isNew || !candidate.createOnly.has(field);
    if (candidate.displayName !== undefined && writable("displayName"))
      setField(state, "displayName", candidate.displayName);
    if (Object.keys(candidate.attributes).length > 0 && !state.isNew) {
      const attributes = { ...state.user.attributes };
      let changed = false;
      for (const [key, value] of Object.entries(candidate.attributes)) {
        if (!writable(key) || JSON.stringify(attributes[key]) === JSON.stringify(value)) continue;
        attributes[key] = value;
        changed = true;
      }
      if (changed) {
        state.user.attributes = attributes;
        state.changes = { ...(state.changes ?? {}), attributes };
        state.updated = true;
      }
    }
    if (candidate.active === undefined || !writable("active")) return;
    if (candidate.active) {
      // Only a mark that exists (stored, or set earlier in this page) needs cancelling.
      if (pendingBefore.has(candidate.externalId) || pending.has(candidate.externalId))
        pending.set(candidate.externalId, false);
      setField(state, "active", true);
    } else if (state.user.active) {
      if (state.isNew) setField(state, "active", false);
      else pending.set(candidate.externalId, true);
    }
  }
}

/** Timestamps of a user planned in this page; the store sets the real ones, so one shared value is enough. */
const PLANNED_AT = new Date(0);

function newUser(candidate: UserCandidate, id: string, role: string): StoredUser {
  const epoch = PLANNED_AT;
  return {
    id,
    email: candidate.email!,
    displayName: candidate.displayName ?? null,
    active: candidate.active ?? true,
    role,
    attributes: candidate.attributes,
    hgeIdAccountId: null,
    createdAt: epoch,
    updatedAt: epoch,
  };
}

function recordError(externalId: string, field: string, code: string, message: string): SyncErrorDetail {
  return { externalId, kind: "user", field, code, message, severity: "error" };
}
