import type { SourceRemoval } from "../connector/source-page";
import { textProblem } from "../reconcile/find-unstorable-text";
import { reconcileNewUsers } from "../reconcile/reconcile-new-users";
import { reconcileUsers } from "../reconcile/reconcile-users";
import { toUserCandidate, type UserCandidate } from "../reconcile/user-candidate";
import type { SyncErrorDetail } from "../sync-log/sync-log";
import type { PagePlanner } from "./apply-context";
import { reportedStatus } from "./reported-status";

/** Maps a page of users, looks up their matches in one call, and reconciles them into a batch. */
export const planUserPage: PagePlanner = async (page, ctx) => {
  const { upserts } = page;
  const mapped = ctx.mapper.mapPage(upserts.map((record) => record.data));
  const candidates: UserCandidate[] = new Array(upserts.length);
  const seenIds: string[] = [];
  const ids = new Set<string>();
  const emailSet = new Set<string>();
  let withEmail = 0;
  for (let i = 0; i < upserts.length; i++) {
    const { externalId } = upserts[i]!;
    const candidate = toUserCandidate(externalId, mapped[i]!, ctx.mapper.createOnly);
    candidates[i] = candidate;
    if (candidate.failure?.field === "externalId") continue;
    seenIds.push(externalId);
    ids.add(externalId);
    if (candidate.email !== null && !candidate.failure) {
      emailSet.add(candidate.email);
      withEmail++;
    }
  }
  const { removals, errors: removalErrors } = storableRemovals(page.removals);
  for (const removal of removals) ids.add(removal.externalId);
  const externalIds = [...ids];
  const emails = [...emailSet];
  const lookup = await ctx.directory.findUsers(ctx.integrationId, { externalIds, emails });
  // Distinct external ids (removed ones too) and emails that the lookup found nothing of: all new users, as on
  // every page of a first sync.
  const allNew =
    ids.size === seenIds.length + removals.length &&
    emailSet.size === withEmail &&
    lookup.byExternalId.length === 0 &&
    lookup.byEmail.length === 0;
  const result = allNew
    ? reconcileNewUsers(candidates, ctx.newId)
    : reconcileUsers(candidates, removals, lookup, { newId: ctx.newId });
  return {
    kind: "user",
    batch: {
      users: { ...result.batch, ...reportedStatus(candidates, removals, allNew) },
      ...(ctx.sweepId ? { seen: { sweepId: ctx.sweepId, users: seenIds } } : {}),
    },
    counts: {
      processed: upserts.length + page.removals.length,
      created: result.created,
      updated: result.updated,
      failed: result.failed + removalErrors.length,
    },
    errors: removalErrors.length > 0 ? [...result.errors, ...removalErrors] : result.errors,
    retry: result.retry,
  };
};

/** Removals whose external id storage can hold, and a failure for each other one. */
function storableRemovals(all: ReadonlyArray<SourceRemoval>): {
  removals: ReadonlyArray<SourceRemoval>;
  errors: SyncErrorDetail[];
} {
  if (all.every((removal) => textProblem(removal.externalId) === null)) return { removals: all, errors: [] };
  const removals: SourceRemoval[] = [];
  const errors: SyncErrorDetail[] = [];
  for (const removal of all) {
    const problem = textProblem(removal.externalId);
    if (!problem) removals.push(removal);
    else
      errors.push({
        externalId: JSON.stringify(removal.externalId).slice(1, -1),
        kind: "user",
        field: "externalId",
        code: "RECORD_INVALID",
        message: `The external id of a removed record holds ${problem}; the removal was not applied`,
        severity: "error",
      });
  }
  return { removals, errors };
}
