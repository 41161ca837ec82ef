import { textProblem } from "../reconcile/find-unstorable-text";
import { jsonEqual } from "../reconcile/json-equal";
import type { PagePlanner } from "./apply-context";
import { jsonFieldsOf } from "./split-mapped-values";

/** Maps a page of devices or assets into a batch (one lookup for create/update counts). */
export const planRecordPage: PagePlanner = async (page, ctx) => {
  const kind = page.kind === "device" ? "device" : "asset";
  const mapped = ctx.mapper.mapPage(page.upserts.map((record) => record.data));
  const ids = [
    ...new Set([...page.upserts.map((r) => r.externalId), ...page.removals.map((r) => r.externalId)]),
  ].filter((id) => textProblem(id) === null);
  const existing = new Map(
    (await ctx.directory.findRecords(ctx.integrationId, kind, ids)).map((r) => [r.externalId, r]),
  );
  const upsert = [];
  const errors = [];
  let created = 0;
  let updated = 0;
  let failed = 0;
  const seen: string[] = [];
  for (const [i, record] of page.upserts.entries()) {
    const { fields, warnings, failure } = jsonFieldsOf(mapped[i]!, record.externalId, kind);
    if (failure?.field !== "externalId") seen.push(record.externalId);
    if (failure) {
      failed++;
      errors.push(failure);
      continue;
    }
    errors.push(...warnings);
    upsert.push({ externalId: record.externalId, data: fields });
    const before = existing.get(record.externalId);
    if (!before) created++;
    else if (before.removed || !jsonEqual(before.data, fields)) updated++;
  }
  const remove = page.removals
    .map((r) => r.externalId)
    .filter((id) => existing.has(id) && !existing.get(id)!.removed);
  return {
    kind,
    batch: {
      records: [{ kind, upsert, remove }],
      ...(ctx.sweepId
        ? {
            seen: {
              sweepId: ctx.sweepId,
              records: [{ kind, externalIds: seen }],
            },
          }
        : {}),
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
