import { CoreError } from "../../errors/core-error";
import type { StoredUser } from "../records";
import { copyRecord } from "./copy-records";
import type { MemoryState } from "./memory-state";

/** Inserts or replaces host-owned users; `STORAGE_CONFLICT` (and nothing written) if two users would share an email. */
export function putMemoryUsers(state: MemoryState, users: ReadonlyArray<StoredUser>): void {
  const owners = new Map<string, string | null>();
  const ownerOf = (email: string) => (owners.has(email) ? owners.get(email) : state.usersByEmail.get(email));
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
    const previous = state.users.get(user.id);
    if (previous && state.usersByEmail.get(previous.email) === user.id)
      state.usersByEmail.delete(previous.email);
    state.users.set(user.id, copyRecord(user));
    state.usersByEmail.set(user.email, user.id);
  }
}
