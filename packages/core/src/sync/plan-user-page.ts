import { reconcileUsers } from "../reconcile/reconcile-users";
import { toUserCandidate } from "../reconcile/user-candidate";
import type { PagePlanner } from "./apply-context";

/** Maps a page of users, looks up their matches in one call, and reconciles them into a batch. */
export const planUserPage: PagePlanner = async (page, ctx) => {
  const mapped = ctx.mapper.mapPage(page.upserts.map((record) => record.data));
  const candidates = page.upserts.map((record, i) =>
    toUserCandidate(record.externalId, mapped[i]!, ctx.mapper.createOnly),
  );
  const externalIds = [
    ...new Set([...page.upserts.map((r) => r.externalId), ...page.removals.map((r) => r.externalId)]),
  ];
  const emails = [...new Set(candidates.flatMap((c) => (c.email === null ? [] : [c.email])))];
  const lookup = await ctx.directory.findUsers(ctx.integrationId, { externalIds, emails });
  const result = reconcileUsers(candidates, page.removals, lookup, { newId: ctx.newId });
  return {
    kind: "user",
    batch: {
      users: result.batch,
      ...(ctx.sweepId
        ? { seen: { sweepId: ctx.sweepId, users: page.upserts.map((r) => r.externalId) } }
        : {}),
    },
    counts: {
      processed: page.upserts.length + page.removals.length,
      created: result.created,
      updated: result.updated,
      failed: result.failed,
    },
    errors: result.errors,
  };
};
