import { textProblem } from "../reconcile/find-unstorable-text";
import { jsonEqual } from "../reconcile/json-equal";
import type { PagePlanner } from "./apply-context";
import { jsonFieldsOf } from "./split-mapped-values";

/** Maps a page of groups and their membership changes into a batch (one lookup for create/update counts). */
export const planGroupPage: PagePlanner = async (page, ctx) => {
  const mapped = ctx.mapper.mapPage(page.upserts.map((record) => record.data));
  const ids = [
    ...new Set([...page.upserts.map((r) => r.externalId), ...page.removals.map((r) => r.externalId)]),
  ].filter((id) => textProblem(id) === null);
  const existing = new Map(
    (await ctx.directory.findGroups(ctx.integrationId, ids)).map((g) => [g.externalId, g]),
  );
  const upsert = [];
  const errors = [];
  let created = 0;
  let updated = 0;
  let failed = 0;
  const seen: string[] = [];
  for (const [i, record] of page.upserts.entries()) {
    const { fields, warnings, failure } = jsonFieldsOf(mapped[i]!, record.externalId, "group");
    if (failure?.field !== "externalId") seen.push(record.externalId);
    if (failure) {
      failed++;
      errors.push(failure);
      continue;
    }
    errors.push(...warnings);
    const { displayName, description, ...attributes } = fields;
    const group = {
      externalId: record.externalId,
      displayName: typeof displayName === "string" ? displayName : null,
      description: typeof description === "string" ? description : null,
      attributes,
    };
    upsert.push(group);
    const before = existing.get(record.externalId);
    if (!before) {
      created++;
      existing.set(record.externalId, {
        ...group,
        integrationId: ctx.integrationId,
        removed: false,
        updatedAt: new Date(0),
      });
    } else if (
      before.removed ||
      before.displayName !== group.displayName ||
      before.description !== group.description ||
      !jsonEqual(before.attributes, group.attributes)
    ) {
      updated++;
    }
  }
  const remove = page.removals
    .map((r) => r.externalId)
    .filter((id) => existing.has(id) && !existing.get(id)!.removed);
  const add = [];
  const drop = [];
  for (const change of page.memberships ?? []) {
    if (textProblem(change.groupExternalId)) continue;
    for (const user of change.added)
      if (!textProblem(user)) add.push({ groupExternalId: change.groupExternalId, userExternalId: user });
    for (const user of change.removed)
      if (!textProblem(user)) drop.push({ groupExternalId: change.groupExternalId, userExternalId: user });
  }
  return {
    kind: "group",
    batch: {
      groups: { upsert, remove },
      memberships: { add, remove: drop },
      ...(ctx.sweepId ? { seen: { sweepId: ctx.sweepId, groups: seen } } : {}),
    },
    counts: {
      processed: page.upserts.length + page.removals.length,
      created,
      updated,
      deactivated: remove.length,
      failed,
    },
    errors,
  };
};
