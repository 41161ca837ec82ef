import type { MemoryState, MemoryUser } from "./memory-state";
import { userLinks } from "./memory-user-links";

/**
 * Whether a link of another ENABLED integration still reports the user active (not pending a deactivation, and
 * not reported disabled or removed): then a deactivation from `integrationId` leaves the user active.
 */
export function reportedActiveElsewhere(
  state: MemoryState,
  integrationId: string,
  user: MemoryUser,
): boolean {
  const links = user.links;
  if (links === null || (!Array.isArray(links) && links.integrationId === integrationId)) return false;
  for (const link of userLinks(user)) {
    if (link.integrationId === integrationId || !state.integrations.get(link.integrationId)?.enabled)
      continue;
    if (link.reportedActive && !link.pendingDeactivation) return true;
  }
  return false;
}
