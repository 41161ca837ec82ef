import type { SourceRemoval } from "../connector/source-page";
import type { UserCandidate } from "../reconcile/user-candidate";

/**
 * What a page says about each source user's status, for the several-sources rule: present and not disabled is
 * active; disabled or removed is inactive. A failed record says nothing (nothing of it is applied), and
 * `removals` must hold only storable external ids. With `newLinks` (every record the page applies gets a link the
 * batch creates), the active ones go unsaid: a new link reports its user active until a page says otherwise.
 */
export function reportedStatus(
  candidates: ReadonlyArray<UserCandidate>,
  removals: ReadonlyArray<SourceRemoval>,
  newLinks = false,
): { reportedActive: string[]; reportedInactive: string[] } {
  const reportedActive: string[] = [];
  const reportedInactive = removals.map((r) => r.externalId);
  for (const candidate of candidates) {
    if (candidate.failure) continue;
    if (candidate.active === false) reportedInactive.push(candidate.externalId);
    else if (!newLinks) reportedActive.push(candidate.externalId);
  }
  return { reportedActive, reportedInactive };
}
