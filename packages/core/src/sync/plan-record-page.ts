import type { RecordOwner } from "../connector/source-page";
import { textProblem } from "../reconcile/find-unstorable-text";
import { jsonEqual } from "../reconcile/json-equal";
import { normalizeEmail } from "../reconcile/normalize-email";
import type { StoredRecordOwner } from "../storage/records";
import type { RecordOwnerInput, RecordUpsert } from "../storage/storage-adapter";
import type { PagePlanner } from "./apply-context";
import { jsonFieldsOf } from "./split-mapped-values";

const text = (value: unknown): string | null => {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
};

/** The stored form of a connector's owner: email normalized, blanks dropped; null when nothing names a person. */
function ownerInputOf(owner: RecordOwner | null | undefined): RecordOwnerInput | null {
  if (!owner) return null;
  const input = {
    email: normalizeEmail(owner.email),
    externalUserId: text(owner.externalUserId),
    source: text(owner.source),
  };
  return input.email === null && input.externalUserId === null ? null : input;
}

const sameOwner = (a: StoredRecordOwner | null, b: RecordOwnerInput | null) =>
  a === null || b === null
    ? a === b
    : a.email === b.email && a.externalUserId === b.externalUserId && a.source === b.source;

/**
 * Maps a page of devices or assets into a batch (one lookup for create/update counts). Removals become pending
 * removals, applied at the end of the run after the guard, like user deactivations.
 */
export const planRecordPage: PagePlanner = async (page, ctx) => {
  const kind = page.kind === "device" ? "device" : "asset";
  const mapped = ctx.mapper.mapPage(page.upserts.map((record) => record.data));
  const ids = [
    ...new Set([...page.upserts.map((r) => r.externalId), ...page.removals.map((r) => r.externalId)]),
  ].filter((id) => textProblem(id) === null);
  const existing = new Map(
    (await ctx.directory.findRecords(ctx.integrationId, kind, ids)).map((r) => [r.externalId, r]),
  );
  const upsert: RecordUpsert[] = [];
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
    const owner = ownerInputOf(record.owner);
    upsert.push({ externalId: record.externalId, data: fields, owner });
    const before = existing.get(record.externalId);
    if (!before) created++;
    else if (before.removed || !jsonEqual(before.data, fields) || !sameOwner(before.owner, owner)) updated++;
  }
  const markPendingRemoval = page.removals
    .map((r) => r.externalId)
    .filter((id) => existing.has(id) && !existing.get(id)!.removed);
  return {
    kind,
    batch: {
      records: [{ kind, upsert, markPendingRemoval }],
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
      failed,
    },
    errors,
  };
};
