import type { DirectoryBatch } from "../storage-adapter";
import { copyJson } from "./copy-records";
import { indexRecordOwner, resolveRecordOwner, unindexRecordOwner } from "./memory-record-owners";
import type { MemoryDirectory, MemoryState } from "./memory-state";

/** Applies a batch's group upserts and removals, membership changes and record changes, in that order. */
export function applyMemoryOthers(
  state: MemoryState,
  integrationId: string,
  directory: MemoryDirectory,
  batch: DirectoryBatch,
  now: Date,
): void {
  for (const group of batch.groups?.upsert ?? []) {
    const existing = directory.groups.get(group.externalId);
    directory.groups.set(group.externalId, {
      value: {
        integrationId,
        externalId: group.externalId,
        displayName: group.displayName,
        description: group.description,
        attributes: copyJson(group.attributes),
        removed: false,
        updatedAt: now,
      },
      lastSeen: existing?.lastSeen ?? null,
    });
  }
  for (const externalId of batch.groups?.remove ?? []) {
    const group = directory.groups.get(externalId);
    if (group && !group.value.removed) {
      group.value.removed = true;
      group.value.updatedAt = now;
    }
    directory.memberships.delete(externalId);
  }
  for (const { groupExternalId, userExternalId } of batch.memberships?.add ?? []) {
    let members = directory.memberships.get(groupExternalId);
    if (!members) {
      members = new Set();
      directory.memberships.set(groupExternalId, members);
    }
    members.add(userExternalId);
  }
  for (const { groupExternalId, userExternalId } of batch.memberships?.remove ?? []) {
    directory.memberships.get(groupExternalId)?.delete(userExternalId);
  }
  for (const change of batch.records ?? []) {
    const records = directory.records[change.kind];
    for (const { externalId, data, owner } of change.upsert ?? []) {
      const existing = records.get(externalId);
      if (existing) unindexRecordOwner(state, existing);
      const entry = {
        value: {
          integrationId,
          kind: change.kind,
          externalId,
          data: copyJson(data),
          owner: resolveRecordOwner(state, integrationId, owner),
          removed: false,
          pendingRemoval: false,
          updatedAt: now,
        },
        lastSeen: existing?.lastSeen ?? null,
      };
      records.set(externalId, entry);
      indexRecordOwner(state, entry);
    }
    for (const externalId of change.remove ?? []) {
      const record = records.get(externalId);
      if (record && !record.value.removed) {
        record.value.removed = true;
        record.value.pendingRemoval = false;
        record.value.updatedAt = now;
      }
    }
    for (const externalId of change.markPendingRemoval ?? []) {
      const record = records.get(externalId);
      if (record && !record.value.removed) record.value.pendingRemoval = true;
    }
  }
}
