import type { SourceRemoval } from "../connector/source-page";
import type { DirectoryBatch, NewUser, UserLookup, UserUpdate } from "../storage/storage-adapter";
import type { SyncErrorDetail } from "../sync-log/sync-log";
import { applyCandidateFields } from "./apply-candidate-fields";
import { PageUsers } from "./page-users";
import type { UserCandidate } from "./user-candidate";
import { duplicateEmailError, emailTakenError, missingEmailError } from "./user-record-errors";
import { newUserState, setUserField, type UserState } from "./user-state";

/** The outcome of reconciling one page of users: the batch to write and what it means. */
export interface UserReconciliation {
  batch: NonNullable<DirectoryBatch["users"]>;
  created: number;
  updated: number;
  failed: number;
  /** Per-record failures and warnings. */
  errors: SyncErrorDetail[];
  /**
   * External ids of records that failed on a conflict with another user (an email someone else holds); the
   * runner tries them again in the next run.
   */
  retry: string[];
}

/** Options of {@link reconcileUsers}. */
export interface ReconcileUsersOptions {
  newId: () => string;
  /** Role of users a sync creates. Default `viewer`. */
  role?: string;
}

/** What reconciling one page collects besides the users' states. */
interface PageOutcome {
  readonly users: PageUsers;
  readonly links: Array<{ externalId: string; userId: string }>;
  /** External id -> true to mark a pending deactivation, false to clear one. */
  readonly pending: Map<string, boolean>;
  readonly errors: SyncErrorDetail[];
  readonly retry: string[];
  failed: number;
}

/**
 * The seed's matching logic for one page, as a pure function of the page and one batched lookup (neither is
 * changed): match by this integration's link to the external id, then by normalized email; create asset users
 * (role viewer, no HGE ID account) for the rest; update display name, attributes and active status; deactivate
 * disabled and removed users through pending marks (applied at the end of the run, after the mass-deactivation
 * guard); never touch the HGE ID linkage. A record whose email another user holds (a second source user with
 * one email, or a linked user's new email) fails as a whole, and is listed in `retry`.
 */
export function reconcileUsers(
  upserts: ReadonlyArray<UserCandidate>,
  removals: ReadonlyArray<SourceRemoval>,
  lookup: UserLookup,
  options: ReconcileUsersOptions,
): UserReconciliation {
  const outcome: PageOutcome = {
    users: new PageUsers(lookup),
    links: [],
    pending: new Map(),
    errors: [],
    retry: [],
    failed: 0,
  };
  const role = options.role ?? "viewer";
  const newId = () => options.newId();
  for (let i = 0; i < upserts.length; i++) reconcileCandidate(outcome, upserts[i]!, newId, role);
  for (const removal of removals) {
    const state = outcome.users.byExternalId.get(removal.externalId);
    if (state?.active) outcome.pending.set(removal.externalId, true);
  }
  return finish(outcome);
}

function reconcileCandidate(
  outcome: PageOutcome,
  candidate: UserCandidate,
  newId: () => string,
  role: string,
): void {
  const { users } = outcome;
  const linked = users.byExternalId.get(candidate.externalId);
  if (candidate.failure) fail(outcome, candidate.failure, false);
  else if (linked) updateLinked(outcome, linked, candidate);
  else if (candidate.email === null) fail(outcome, missingEmailError(candidate), false);
  else linkOrCreate(outcome, candidate, candidate.email, newId, role);
}

function linkOrCreate(
  outcome: PageOutcome,
  candidate: UserCandidate,
  email: string,
  newId: () => string,
  role: string,
): void {
  const { users } = outcome;
  const holder = users.ownerOf(email);
  if (holder?.externalId !== undefined && holder.externalId !== candidate.externalId) {
    fail(outcome, duplicateEmailError(candidate, holder), true);
    return;
  }
  if (candidate.warnings.length > 0) outcome.errors.push(...candidate.warnings);
  if (holder) {
    outcome.links.push({ externalId: candidate.externalId, userId: holder.id });
    users.link(holder, candidate.externalId);
    if (!holder.isNew) holder.updated = true;
    applyCandidateFields(holder, candidate, outcome.pending, users.pendingBefore);
    return;
  }
  const { externalId } = candidate;
  const created = newUserState(
    newId(),
    role,
    email,
    candidate.displayName ?? null,
    candidate.active ?? true,
    candidate.attributes,
    externalId,
  );
  users.addNew(created, externalId);
  outcome.links.push({ externalId, userId: created.id });
}

function updateLinked(outcome: PageOutcome, state: UserState, candidate: UserCandidate): void {
  const { email } = candidate;
  const changesEmail = email !== null && email !== state.email && !candidate.createOnly.has("email");
  if (changesEmail) {
    const holder = outcome.users.ownerOf(email);
    if (holder && holder !== state) {
      fail(outcome, emailTakenError(candidate, state, holder), true);
      return;
    }
  }
  if (candidate.warnings.length > 0) outcome.errors.push(...candidate.warnings);
  if (changesEmail) {
    outcome.users.moveEmail(state, email);
    setUserField(state, "email", email);
  }
  applyCandidateFields(state, candidate, outcome.pending, outcome.users.pendingBefore);
}

function fail(outcome: PageOutcome, error: SyncErrorDetail, retry: boolean): void {
  outcome.failed++;
  outcome.errors.push(error);
  if (retry && error.externalId !== undefined) outcome.retry.push(error.externalId);
}

function finish(outcome: PageOutcome): UserReconciliation {
  const create: NewUser[] = [];
  const update: UserUpdate[] = [];
  let updated = 0;
  for (const state of outcome.users.created) {
    const { id, email, displayName, active, role, attributes } = state;
    create.push({ id, email, displayName, active, role, attributes });
  }
  for (const state of outcome.users.found.values()) {
    if (state.changes) update.push({ userId: state.id, set: state.changes });
    if (state.updated) updated++;
  }
  const markPendingDeactivation: string[] = [];
  const clearPendingDeactivation: string[] = [];
  for (const [externalId, mark] of outcome.pending) {
    if (mark) markPendingDeactivation.push(externalId);
    else if (outcome.users.pendingBefore.has(externalId)) clearPendingDeactivation.push(externalId);
  }
  return {
    batch: { create, update, link: outcome.links, markPendingDeactivation, clearPendingDeactivation },
    created: create.length,
    updated,
    failed: outcome.failed,
    errors: outcome.errors,
    retry: outcome.retry,
  };
}
