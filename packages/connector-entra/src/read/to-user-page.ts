import type { SourceRecord, SourceRemoval } from "@uslimato/core/connector";

/** Users of one Graph delta page split into upserts and removals, plus how many items were unreadable. */
export interface UserPageParts {
  upserts: SourceRecord[];
  removals: SourceRemoval[];
  invalid: number;
}

/**
 * Splits a `/users/delta` page: `@removed` with reason `deleted` is a permanent deletion, `changed` a soft
 * deletion (restorable); every other item is an upsert of the user's selected properties (a restored user comes
 * back this way). Replays of one object stay in order; reconciliation applies them one after the other.
 */
export function toUserPage(items: ReadonlyArray<unknown>): UserPageParts {
  const upserts: SourceRecord[] = [];
  const removals: SourceRemoval[] = [];
  let invalid = 0;
  for (const item of items) {
    if (item === null || typeof item !== "object") {
      invalid++;
      continue;
    }
    const record = item as Record<string, unknown>;
    const id = record.id;
    if (typeof id !== "string" || id.length === 0) {
      invalid++;
      continue;
    }
    const removed = record["@removed"] as { reason?: unknown } | undefined;
    if (removed !== undefined) {
      removals.push({ externalId: id, reason: removed?.reason === "deleted" ? "deleted" : "softDeleted" });
    } else {
      upserts.push({ externalId: id, data: record });
    }
  }
  return { upserts, removals, invalid };
}
