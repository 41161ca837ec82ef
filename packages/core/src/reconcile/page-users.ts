import type { UserLookup } from "../storage/storage-adapter";
import { existingUserState, type UserState } from "./user-state";

/**
 * The users one page can touch, indexed from its lookup: by this integration's external id, by id and by email.
 * Built from copies, so the lookup is never changed.
 */
export class PageUsers {
  readonly byId = new Map<string, UserState>();
  readonly byExternalId = new Map<string, UserState>();
  readonly #ownerOfEmail = new Map<string, string>();
  /** External ids whose link already had a pending deactivation before this page. */
  readonly pendingBefore = new Set<string>();

  constructor(lookup: UserLookup) {
    for (const { link, user } of lookup.byExternalId) {
      const state = existingUserState(user, link.externalId);
      this.byExternalId.set(link.externalId, state);
      this.byId.set(user.id, state);
      this.#ownerOfEmail.set(user.email, user.id);
      if (link.pendingDeactivation) this.pendingBefore.add(link.externalId);
    }
    for (const { user, linkedExternalIds } of lookup.byEmail) {
      const known = this.byId.get(user.id);
      if (known) known.externalId ??= linkedExternalIds[0];
      else this.byId.set(user.id, existingUserState(user, linkedExternalIds[0]));
      this.#ownerOfEmail.set(user.email, user.id);
    }
  }

  /** The user holding an email, if the page knows one. */
  ownerOf(email: string): UserState | undefined {
    const id = this.#ownerOfEmail.get(email);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Adds a user created by this page, linked to `externalId`. */
  addNew(state: UserState, externalId: string): void {
    this.byId.set(state.id, state);
    this.link(state, externalId);
    this.#ownerOfEmail.set(state.fields.email, state.id);
  }

  /** Links a user to an external id of this integration. */
  link(state: UserState, externalId: string): void {
    state.externalId = externalId;
    this.byExternalId.set(externalId, state);
  }

  /** Moves an email from its holder (if the same user) to `state`. */
  moveEmail(state: UserState, email: string): void {
    this.#ownerOfEmail.delete(state.fields.email);
    this.#ownerOfEmail.set(email, state.id);
  }
}
