import type { MembershipChange, SourceRecord, SourceRemoval } from "@uslimato/core/connector";

/** Groups of one Graph delta page: upserts, removals, membership changes, unreadable items. */
export interface GroupPageParts {
  upserts: SourceRecord[];
  removals: SourceRemoval[];
  memberships: MembershipChange[];
  invalid: number;
}

const USER_TYPE = "#microsoft.graph.user";

/**
 * Splits a `/groups/delta` page. A large group's members arrive split over several pages, the same group
 * repeating with only `members@delta`: such a repeat changes memberships only, never the group's fields. Only
 * user members are kept (nested groups, devices and service principals are not people).
 */
export function toGroupPage(items: ReadonlyArray<unknown>): GroupPageParts {
  const parts: GroupPageParts = { upserts: [], removals: [], memberships: [], invalid: 0 };
  for (const item of items) {
    const record = item !== null && typeof item === "object" ? (item as Record<string, unknown>) : null;
    const id = record?.id;
    if (!record || typeof id !== "string" || id.length === 0) {
      parts.invalid++;
      continue;
    }
    if (record["@removed"] !== undefined) {
      const reason = (record["@removed"] as { reason?: unknown } | null)?.reason;
      parts.removals.push({ externalId: id, reason: reason === "deleted" ? "deleted" : "softDeleted" });
      continue;
    }
    if ("displayName" in record || "description" in record) {
      parts.upserts.push({
        externalId: id,
        data: { displayName: record.displayName ?? null, description: record.description ?? null },
      });
    }
    const members = record["members@delta"];
    if (!Array.isArray(members) || members.length === 0) continue;
    const added: string[] = [];
    const removed: string[] = [];
    for (const member of members as Array<Record<string, unknown>>) {
      if (typeof member?.id !== "string") continue;
      const type = member["@odata.type"];
      if (type !== undefined && type !== USER_TYPE) continue;
      (member["@removed"] !== undefined ? removed : added).push(member.id);
    }
    if (added.length || removed.length) parts.memberships.push({ groupExternalId: id, added, removed });
  }
  return parts;
}
