/**
 * The external ids one integration links to one user: almost always exactly one, so a single id is kept as a
 * string and only a second link turns it into a set (one allocation fewer per synced user).
 */
export type LinkedIds = string | Set<string>;

/** Adds `externalId`; returns the new value to store. */
export function addLinkedId(current: LinkedIds | undefined, externalId: string): LinkedIds {
  if (current === undefined || current === externalId) return externalId;
  if (typeof current === "string") return new Set([current, externalId]);
  current.add(externalId);
  return current;
}

/** Removes `externalId`; returns the new value, or undefined when none is left. */
export function removeLinkedId(current: LinkedIds | undefined, externalId: string): LinkedIds | undefined {
  if (current === undefined || current === externalId) return undefined;
  if (typeof current === "string") return current;
  current.delete(externalId);
  return current.size === 0 ? undefined : current;
}

/** The ids as a sorted array. */
export function linkedIdList(current: LinkedIds | undefined): string[] {
  if (current === undefined) return [];
  return typeof current === "string" ? [current] : [...current].sort();
}
