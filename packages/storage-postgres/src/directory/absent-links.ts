/** Lookups remembered per integration: the page being written, the next one (looked up ahead), and one more. */
const LOOKUPS_KEPT = 3;
/** Pages whose links are remembered, to take them out of a lookup that ran while they were written. */
const WRITES_KEPT = 4;
/** Integrations remembered, the least recently used dropped first (their links are then upserts again). */
const INTEGRATIONS_KEPT = 64;

/**
 * External ids that this store's own lookups found without a link, per integration, until a page links them. A
 * sync links exactly those (a lookup finds nothing, the page links the person), so their links can be plain
 * inserts instead of upserts: the conflict check of `ON CONFLICT` cost about a fifth of a page's write. The runner
 * looks up page k+1 while page k is written, so a lookup may not have seen a page written meanwhile: what such
 * pages linked is taken out of what it did not find (the last few pages' links are kept for that). If a link was
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
  /** Pages written (or failed) so far. */
  writes: number;
  /** What the last pages linked, oldest first, the latest being write number `writes`; null: a failed write. */
  recent: Array<ReadonlyArray<string> | null>;
}

/** Creates an empty {@link AbsentLinks}. */
export function absentLinks(): AbsentLinks {
  const byIntegration = new Map<string, Memory>();
  const memoryOf = (integrationId: string): Memory => {
    const memory = byIntegration.get(integrationId) ?? { lookups: [], writes: 0, recent: [] };
    // Most recently used last; the oldest integration goes first when there are too many.
    byIntegration.delete(integrationId);
    byIntegration.set(integrationId, memory);
    if (byIntegration.size > INTEGRATIONS_KEPT) byIntegration.delete(byIntegration.keys().next().value!);
    return memory;
  };
  const unmark = (memory: Memory, externalIds: ReadonlyArray<string>) => {
    for (const lookup of memory.lookups) for (const id of externalIds) lookup.delete(id);
  };
  const wrote = (memory: Memory, linked: ReadonlyArray<string> | null) => {
    memory.writes += 1;
    memory.recent.push(linked);
    if (memory.recent.length > WRITES_KEPT) memory.recent.shift();
  };
  return {
    lookup(integrationId) {
      const started = memoryOf(integrationId);
      const writes = started.writes;
      return (asked, found) => {
        const memory = memoryOf(integrationId);
        const since = memory.writes - writes;
        if (memory === started && since <= memory.recent.length) {
          // Take out what the pages written since the lookup started linked; a failed one leaves it unknown.
          let absent: Set<string> | null = new Set(asked);
          for (const ids of since === 0 ? [] : memory.recent.slice(-since)) {
            if (ids === null) {
              absent = null;
              break;
            }
            for (const id of ids) absent.delete(id);
          }
          if (absent) {
            memory.lookups.push(absent);
            if (memory.lookups.length > LOOKUPS_KEPT) memory.lookups.shift();
          }
        }
        unmark(memory, found);
      };
    },
    has: (integrationId, externalId) =>
      byIntegration.get(integrationId)?.lookups.some((lookup) => lookup.has(externalId)) ?? false,
    linked(integrationId, externalIds) {
      const memory = memoryOf(integrationId);
      wrote(memory, externalIds);
      unmark(memory, externalIds);
    },
    forget(integrationId) {
      const memory = memoryOf(integrationId);
      wrote(memory, null);
      memory.lookups = [];
    },
  };
}
