import type { MemoryLink, MemoryState, MemoryUser } from "./memory-state";

/**
 * Puts a link on its user's side: on the user with its `userId`, or, while no user has that id, among the links
 * waiting for it (a user created later with that id takes them, see {@link adoptWaitingLinks}).
 */
export function attachLink(state: MemoryState, link: MemoryLink): void {
  const user = state.users.get(link.userId);
  if (user === undefined) {
    link.user = null;
    let waiting = state.waitingLinks.get(link.userId);
    if (!waiting) {
      waiting = new Set();
      state.waitingLinks.set(link.userId, waiting);
    }
    waiting.add(link);
    return;
  }
  link.user = user;
  addUserLink(user, link);
}

/** Takes a link off its user's side (before it is re-pointed or goes away). */
export function detachLink(state: MemoryState, link: MemoryLink): void {
  const user = link.user;
  link.user = null;
  if (user === null) {
    const waiting = state.waitingLinks.get(link.userId);
    waiting?.delete(link);
    if (waiting?.size === 0) state.waitingLinks.delete(link.userId);
    return;
  }
  const links = user.links;
  if (links === link) user.links = null;
  else if (Array.isArray(links)) {
    const rest = links.filter((l) => l !== link);
    user.links = rest.length === 1 ? (rest[0] as MemoryLink) : rest;
  }
}

/** Gives a newly stored user the links that waited for its id. */
export function adoptWaitingLinks(state: MemoryState, user: MemoryUser): void {
  if (state.waitingLinks.size === 0) return;
  const waiting = state.waitingLinks.get(user.id);
  if (!waiting) return;
  state.waitingLinks.delete(user.id);
  for (const link of waiting) {
    link.user = user;
    addUserLink(user, link);
  }
}

/** The links (of any integration) to a user, as a list. */
export function userLinks(user: MemoryUser): ReadonlyArray<MemoryLink> {
  const links = user.links;
  if (links === null) return [];
  return Array.isArray(links) ? links : [links];
}

/** The external ids of one integration's links to a user, sorted. */
export function linkedExternalIds(user: MemoryUser, integrationId: string): string[] {
  const links = user.links;
  if (links === null) return [];
  if (!Array.isArray(links)) return links.integrationId === integrationId ? [links.externalId] : [];
  return links
    .filter((l) => l.integrationId === integrationId)
    .map((l) => l.externalId)
    .sort();
}

function addUserLink(user: MemoryUser, link: MemoryLink): void {
  const links = user.links;
  if (links === null) user.links = link;
  else if (Array.isArray(links)) links.push(link);
  else if (links !== link) user.links = [links, link];
}
