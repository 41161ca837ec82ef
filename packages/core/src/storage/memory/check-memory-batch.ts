import { CoreError } from "../../errors/core-error";
import type { DirectoryBatch } from "../storage-adapter";
import type { MemoryState } from "./memory-state";

const conflict = (message: string, details: Record<string, string>) =>
  new CoreError("STORAGE_CONFLICT", message, { details });

/**
 * Throws `STORAGE_CONFLICT` if applying the batch's user creates and updates in order would give two users one
 * email or reuse a user id, when an update of the batch sets an email. Runs before anything is written, which makes
 * the memory `applyPage` all or nothing; a batch whose updates set no email needs no check here, its creates are
 * checked as they are stored (see `insertMemoryUsers`), and nothing else in it can conflict.
 */
export function checkMemoryBatch(state: MemoryState, batch: DirectoryBatch): void {
  const users = batch.users;
  const updates = users?.update;
  if (!updates?.some((update) => update.set.email !== undefined)) return;
  /** Emails whose owner changes within the batch: email -> userId, or null once released. */
  const overlay = new Map<string, string | null>();
  const ownerOf = (email: string) =>
    overlay.has(email) ? overlay.get(email) : state.usersByEmail.get(email)?.id;
  const created = new Set<string>();
  for (const user of users?.create ?? []) {
    if (state.users.has(user.id) || created.has(user.id)) {
      throw conflict(`User "${user.id}" already exists.`, { userId: user.id });
    }
    if (ownerOf(user.email) != null) throw conflict("Another user has this email.", { userId: user.id });
    created.add(user.id);
    overlay.set(user.email, user.id);
  }
  const emailOf = new Map<string, string>();
  for (const user of users?.create ?? []) emailOf.set(user.id, user.email);
  for (const update of updates) {
    const email = update.set.email;
    const current = emailOf.get(update.userId) ?? state.users.get(update.userId)?.email;
    if (email === undefined || current === undefined || email === current) continue;
    const owner = ownerOf(email);
    if (owner != null && owner !== update.userId) {
      throw conflict("Another user has this email.", { userId: update.userId });
    }
    overlay.set(current, null);
    overlay.set(email, update.userId);
    emailOf.set(update.userId, email);
  }
}
