import type { SourceRemoval } from "../connector/source-page";
import type { UserCandidate } from "../reconcile/user-candidate";

/**
 * What a page says about each source user's status, for the several-sources rule: present and not disabled is
 * active; disabled or removed is inactive. A failed record says nothing (nothing of it is applied), and
 * `removals` must hold only storable external ids.
 */
export function reportedStatus(
  candidates: ReadonlyArray<UserCandidate>,
  removals: ReadonlyArray<SourceRemoval>,
): { reportedActive: string[]; reportedInactive: string[] } {
  const reportedActive: string[] = [];
  const reportedInactive = removals.map((r) => r.externalId);
  for (const candidate of candidates) {
    if (candidate.failure) continue;
    if (candidate.active === false) reportedInactive.push(candidate.externalId);
    else reportedActive.push(candidate.externalId);
  }
  return { reportedActive, reportedInactive };
}
