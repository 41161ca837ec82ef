import { reconcileUsers } from "../reconcile/reconcile-users";
import { toUserCandidate, type UserCandidate } from "../reconcile/user-candidate";
import type { PagePlanner } from "./apply-context";
import { reportedStatus } from "./reported-status";

/** Maps a page of users, looks up their matches in one call, and reconciles them into a batch. */
export const planUserPage: PagePlanner = async (page, ctx) => {
  const { upserts, removals } = page;
  const mapped = ctx.mapper.mapPage(upserts.map((record) => record.data));
  const candidates: UserCandidate[] = new Array(upserts.length);
  const seenIds: string[] = new Array(upserts.length);
  const ids = new Set<string>();
  const emailSet = new Set<string>();
  for (let i = 0; i < upserts.length; i++) {
    const { externalId } = upserts[i]!;
    const candidate = toUserCandidate(externalId, mapped[i]!, ctx.mapper.createOnly);
    candidates[i] = candidate;
    seenIds[i] = externalId;
    ids.add(externalId);
    if (candidate.email !== null) emailSet.add(candidate.email);
  }
  for (const removal of removals) ids.add(removal.externalId);
  const externalIds = [...ids];
  const emails = [...emailSet];
  const lookup = await ctx.directory.findUsers(ctx.integrationId, { externalIds, emails });
  const result = reconcileUsers(candidates, removals, lookup, { newId: ctx.newId });
  return {
    kind: "user",
    batch: {
      users: { ...result.batch, ...reportedStatus(candidates, removals) },
      ...(ctx.sweepId ? { seen: { sweepId: ctx.sweepId, users: seenIds } } : {}),
    },
    counts: {
      processed: upserts.length + removals.length,
      created: result.created,
      updated: result.updated,
      failed: result.failed,
    },
    errors: result.errors,
  };
};
