import { CoreError } from "../../errors/core-error";
import type { NewUser } from "../storage-adapter";
import { copyAttributes } from "./copy-attributes";
import type { MemoryState } from "./memory-state";
import { adoptWaitingLinks } from "./memory-user-links";
import { newMemoryUser } from "./new-memory-user";

/**
 * Stores a batch's new users, in order, or none of them: an id that exists, or an email that a stored user or an
 * earlier user of the batch holds, takes the ones stored so far out again and throws `STORAGE_CONFLICT`. Checking
 * each user as it goes in costs two lookups, where a separate check of the whole batch first cost six.
 */
export function insertMemoryUsers(state: MemoryState, create: ReadonlyArray<NewUser>, now: Date): void {
  const { users, usersByEmail } = state;
  for (let i = 0; i < create.length; i++) {
    const user = create[i] as NewUser;
    const taken = users.has(user.id) ? "id" : usersByEmail.has(user.email) ? "email" : null;
    if (taken !== null) {
      for (let j = 0; j < i; j++) {
        const inserted = create[j] as NewUser;
        users.delete(inserted.id);
        usersByEmail.delete(inserted.email);
      }
      throw new CoreError(
        "STORAGE_CONFLICT",
        taken === "id" ? `User "${user.id}" already exists.` : "Another user has this email.",
        { details: { userId: user.id } },
      );
    }
    const stored = newMemoryUser(
      user.id,
      user.email,
      user.displayName,
      user.active,
      user.role,
      null,
      copyAttributes(user.attributes),
      now,
      now,
    );
    users.set(user.id, stored);
    usersByEmail.set(user.email, stored);
  }
  if (state.waitingLinks.size > 0) {
    for (const user of create) adoptWaitingLinks(state, users.get(user.id)!);
  }
}
