import { createMemoryStorage, type InspectableStorage } from "@uslimato/core";

/**
 * The memory adapter with a directory that keeps nothing: `applyPage` drops the page's users, links, groups and
 * records and stores only the checkpoint (so lookups find nobody and every user is "created" each page). It
 * isolates what the sync itself holds in memory: peak RSS should not grow with the tenant.
 */
export function createKeepNothingStorage(): InspectableStorage {
  const inner = createMemoryStorage();
  return {
    ...inner,
    directory: {
      ...inner.directory,
      applyPage: (integrationId, _batch, checkpoint) =>
        inner.directory.applyPage(integrationId, {}, checkpoint),
    },
  };
}
