import { CoreError } from "../../errors/core-error";
import type { StoredUser } from "../records";
import { copyJson } from "./copy-records";
import type { MemoryState } from "./memory-state";
import { adoptWaitingLinks } from "./memory-user-links";
import { newMemoryUser } from "./new-memory-user";

/** Inserts or replaces host-owned users; `STORAGE_CONFLICT` (and nothing written) if two users would share an email. */
export function putMemoryUsers(state: MemoryState, users: ReadonlyArray<StoredUser>): void {
  const owners = new Map<string, string | null>();
  const ownerOf = (email: string) =>
    owners.has(email) ? owners.get(email) : state.usersByEmail.get(email)?.id;
  for (const user of users) {
    const previous = state.users.get(user.id)?.email;
    if (previous !== undefined && previous !== user.email && ownerOf(previous) === user.id)
      owners.set(previous, null);
    const owner = ownerOf(user.email);
    if (owner != null && owner !== user.id) {
      throw new CoreError("STORAGE_CONFLICT", "Another user has this email.", {
        details: { userId: user.id },
      });
    }
    owners.set(user.email, user.id);
  }
  for (const user of users) {
    const stored = state.users.get(user.id);
    if (stored && state.usersByEmail.get(stored.email) === stored) state.usersByEmail.delete(stored.email);
    const attributes = copyJson(user.attributes);
    const createdAt = new Date(user.createdAt.getTime());
    const updatedAt = new Date(user.updatedAt.getTime());
    if (stored) {
      // Replaced in place: the links to the user stay on it.
      stored.email = user.email;
      stored.displayName = user.displayName;
      stored.active = user.active;
      stored.role = user.role;
      stored.hgeIdAccountId = user.hgeIdAccountId;
      stored.attributes = attributes;
      stored.createdAt = createdAt;
      stored.updatedAt = updatedAt;
      state.usersByEmail.set(user.email, stored);
    } else {
      const created = newMemoryUser(
        user.id,
        user.email,
        user.displayName,
        user.active,
        user.role,
        user.hgeIdAccountId,
        attributes,
        createdAt,
        updatedAt,
      );
      state.users.set(user.id, created);
      state.usersByEmail.set(user.email, created);
      adoptWaitingLinks(state, created);
    }
  }
}
