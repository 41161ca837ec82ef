import type { NewUser } from "../storage/storage-adapter";
import type { UserReconciliation } from "./reconcile-users";
import type { UserCandidate } from "./user-candidate";
import { missingEmailError } from "./user-record-errors";

/**
 * What `reconcileUsers` decides for a page whose lookup found nobody and whose records name distinct
 * external ids and emails (and no removed one among them), as a first sync's pages do: every record with an email
 * becomes a new user (role `role`) linked to it, every other one fails. No user can meet another one of the page, so
 * no state is kept for it. The caller checks that the page is such a page.
 */
export function reconcileNewUsers(
  upserts: ReadonlyArray<UserCandidate>,
  newId: () => string,
  role = "viewer",
): UserReconciliation {
  const create: NewUser[] = [];
  const link: Array<{ externalId: string; userId: string }> = [];
  const errors: UserReconciliation["errors"] = [];
  let failed = 0;
  for (let i = 0; i < upserts.length; i++) {
    const candidate = upserts[i]!;
    const { externalId, email } = candidate;
    if (candidate.failure !== undefined || email === null) {
      failed++;
      errors.push(candidate.failure ?? missingEmailError(candidate));
      continue;
    }
    if (candidate.warnings.length > 0) errors.push(...candidate.warnings);
    const id = newId();
    create.push({
      id,
      email,
      displayName: candidate.displayName ?? null,
      active: candidate.active ?? true,
      role,
      attributes: candidate.attributes,
    });
    link.push({ externalId, userId: id });
  }
  return {
    batch: { create, update: [], link, markPendingDeactivation: [], clearPendingDeactivation: [] },
    created: create.length,
    updated: 0,
    failed,
    errors,
    retry: [],
  };
}
