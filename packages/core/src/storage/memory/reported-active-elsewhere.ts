import { linkedIdList } from "./linked-ids";
import type { MemoryState } from "./memory-state";

/**
 * Whether a link of another ENABLED integration still reports the user active (not pending a deactivation, and
 * not reported disabled or removed): then a deactivation from `integrationId` leaves the user active.
 */
export function reportedActiveElsewhere(state: MemoryState, integrationId: string, userId: string): boolean {
  for (const [otherId, directory] of state.directories) {
    if (otherId === integrationId || !state.integrations.get(otherId)?.enabled) continue;
    for (const externalId of linkedIdList(directory.linksByUser.get(userId))) {
      const link = directory.links.get(externalId);
      if (link?.reportedActive && !link.pendingDeactivation) return true;
    }
  }
  return false;
}
