/** Lookups remembered per integration: the page being written, the next one (looked up ahead), and one more. */
const LOOKUPS_KEPT = 3;
/** Integrations remembered, the least recently used dropped first (their links are then upserts again). */
const INTEGRATIONS_KEPT = 64;

/**
 * External ids that this store's own lookups found without a link, per integration, until a page links them. A
 * sync links exactly those (a lookup finds nothing, the page links the person), so their links can be plain
 * inserts instead of upserts: the conflict check of `ON CONFLICT` cost about a fifth of a page's write. A lookup
 * that ran while a page was written may not have seen that page: it only unmarks what it found. If a link was
 * written meanwhile by someone else, the insert fails with a unique violation (`STORAGE_CONFLICT`, nothing
 * written) and the runner plans the page again; the memory of that integration is then dropped. Only the last few
 * lookups of the most recently used integrations are kept, so the memory stays small whatever runs in the process.
 */
export interface AbsentLinks {
  /**
   * Starts a lookup; call the result with the external ids asked for and those found linked once it is answered.
   */
  lookup(integrationId: string): (asked: ReadonlyArray<string>, found: ReadonlyArray<string>) => void;
  /** Whether a lookup found `externalId` unlinked and no page linked it since. */
  has(integrationId: string, externalId: string): boolean;
  /** Records links a page wrote. */
  linked(integrationId: string, externalIds: ReadonlyArray<string>): void;
  /** Forgets everything about an integration (after a failed write). */
  forget(integrationId: string): void;
}

interface Memory {
  /** What each of the last lookups asked for and did not find, oldest first. */
  lookups: Array<Set<string>>;
  /** Pages written (or failed) so far: a lookup started before the last one may not have seen it. */
  writes: number;
}

/** Creates an empty {@link AbsentLinks}. */
export function absentLinks(): AbsentLinks {
  const byIntegration = new Map<string, Memory>();
  const memoryOf = (integrationId: string): Memory => {
    const memory = byIntegration.get(integrationId) ?? { lookups: [], writes: 0 };
    // Most recently used last; the oldest integration goes first when there are too many.
    byIntegration.delete(integrationId);
    byIntegration.set(integrationId, memory);
    if (byIntegration.size > INTEGRATIONS_KEPT) byIntegration.delete(byIntegration.keys().next().value!);
    return memory;
  };
  const unmark = (memory: Memory, externalIds: ReadonlyArray<string>) => {
    for (const lookup of memory.lookups) for (const id of externalIds) lookup.delete(id);
  };
  return {
    lookup(integrationId) {
      const started = memoryOf(integrationId);
      const writes = started.writes;
      return (asked, found) => {
        const memory = memoryOf(integrationId);
        if (memory === started && memory.writes === writes) {
          memory.lookups.push(new Set(asked));
          if (memory.lookups.length > LOOKUPS_KEPT) memory.lookups.shift();
        }
        unmark(memory, found);
      };
    },
    has: (integrationId, externalId) =>
      byIntegration.get(integrationId)?.lookups.some((lookup) => lookup.has(externalId)) ?? false,
    linked(integrationId, externalIds) {
      const memory = memoryOf(integrationId);
      memory.writes += 1;
      unmark(memory, externalIds);
    },
    forget(integrationId) {
      const memory = memoryOf(integrationId);
      memory.writes += 1;
      memory.lookups = [];
    },
  };
}
