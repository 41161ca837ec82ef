import type { ApplyResult, DirectoryBatch } from "../storage-adapter";
import type { MemoryDirectory, Swept } from "./memory-state";

/** Records what the current sweep saw, then ends the sweep if the batch says so. */
export function applyMemorySweep(directory: MemoryDirectory, batch: DirectoryBatch, now: Date): ApplyResult {
  const seen = batch.seen;
  if (seen) {
    for (const id of seen.users ?? []) {
      const link = directory.links.get(id);
      if (link) link.lastSeen = seen.sweepId;
    }
    for (const id of seen.groups ?? []) {
      const group = directory.groups.get(id);
      if (group) group.lastSeen = seen.sweepId;
    }
    for (const { kind, externalIds } of seen.records ?? []) {
      for (const id of externalIds) {
        const record = directory.records[kind].get(id);
        if (record) record.lastSeen = seen.sweepId;
      }
    }
  }
  const result: ApplyResult = { sweptUsers: 0, sweptOthers: 0 };
  const finish = batch.finishSweep;
  if (!finish) return result;
  if (finish.kind === "user") {
    for (const link of directory.links.values()) {
      if (link.lastSeen === finish.sweepId || link.pendingDeactivation) continue;
      if (!link.user?.active) continue;
      link.pendingDeactivation = true;
      result.sweptUsers += 1;
    }
    return result;
  }
  if (finish.kind !== "group") {
    for (const item of directory.records[finish.kind].values()) {
      if (item.lastSeen === finish.sweepId || item.value.removed || item.value.pendingRemoval) continue;
      item.value.pendingRemoval = true;
      result.sweptOthers += 1;
    }
    return result;
  }
  const groups: Map<string, Swept<{ removed: boolean; updatedAt: Date }>> = directory.groups;
  for (const [externalId, item] of groups) {
    if (item.lastSeen === finish.sweepId || item.value.removed) continue;
    item.value.removed = true;
    item.value.updatedAt = now;
    directory.memberships.delete(externalId);
    result.sweptOthers += 1;
  }
  return result;
}
