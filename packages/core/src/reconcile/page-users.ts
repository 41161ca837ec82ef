import type { UserLookup } from "../storage/storage-adapter";
import { existingUserState, type UserState } from "./user-state";

/**
 * The users one page can touch: those of its lookup (by id, in the order found), those it creates (in order),
 * and all of them by this integration's external id and by email. Built from copies, so the lookup is never
 * changed.
 */
export class PageUsers {
  /** Users found by the lookup, by id. */
  readonly found = new Map<string, UserState>();
  /** Users created by this page. */
  readonly created: UserState[] = [];
  readonly byExternalId = new Map<string, UserState>();
  readonly #byEmail = new Map<string, UserState>();
  /** External ids whose link already had a pending deactivation before this page. */
  readonly pendingBefore = new Set<string>();

  constructor(lookup: UserLookup) {
    for (const { link, user } of lookup.byExternalId) {
      const state = existingUserState(user, link.externalId);
      this.byExternalId.set(link.externalId, state);
      this.found.set(user.id, state);
      this.#byEmail.set(user.email, state);
      if (link.pendingDeactivation) this.pendingBefore.add(link.externalId);
    }
    for (const { user, linkedExternalIds } of lookup.byEmail) {
      let state = this.found.get(user.id);
      if (state) state.externalId ??= linkedExternalIds[0];
      else {
        state = existingUserState(user, linkedExternalIds[0]);
        this.found.set(user.id, state);
      }
      this.#byEmail.set(user.email, state);
    }
  }

  /** The user holding an email, if the page knows one. */
  ownerOf(email: string): UserState | undefined {
    return this.#byEmail.get(email);
  }

  /** Adds a user created by this page, linked to `externalId`. */
  addNew(state: UserState, externalId: string): void {
    this.created.push(state);
    this.byExternalId.set(externalId, state);
    this.#byEmail.set(state.email, state);
  }

  /** Links a user to an external id of this integration. */
  link(state: UserState, externalId: string): void {
    state.externalId = externalId;
    this.byExternalId.set(externalId, state);
  }

  /** Moves the user's email index entry to its new email (called before the state's email changes). */
  moveEmail(state: UserState, email: string): void {
    this.#byEmail.delete(state.email);
    this.#byEmail.set(email, state);
  }
}
