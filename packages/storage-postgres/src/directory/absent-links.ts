/** The most external ids remembered per integration; past it the memory starts afresh (the upsert is then used). */
const MAX_PER_INTEGRATION = 50_000;

/**
 * External ids that this store's own lookups found without a link, per integration, until a page links them. A
 * sync links exactly those (a lookup finds nothing, the page links the person), so their links can be plain
 * inserts instead of upserts: the conflict check of `ON CONFLICT` cost about a fifth of a page's write. A lookup
 * that ran while a page was written may not have seen that page: it only unmarks what it found. If a link was
 * written meanwhile by someone else, the insert fails with a unique violation (`STORAGE_CONFLICT`, nothing
 * written) and the runner plans the page again; the memory of that integration is then dropped.
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
  absent: Set<string>;
  /** Pages written (or failed) so far: a lookup started before the last one may not have seen it. */
  writes: number;
}

/** Creates an empty {@link AbsentLinks}. */
export function absentLinks(): AbsentLinks {
  const byIntegration = new Map<string, Memory>();
  const memoryOf = (integrationId: string): Memory => {
    let memory = byIntegration.get(integrationId);
    if (!memory) {
      memory = { absent: new Set(), writes: 0 };
      byIntegration.set(integrationId, memory);
    }
    return memory;
  };
  return {
    lookup(integrationId) {
      const writes = memoryOf(integrationId).writes;
      return (asked, found) => {
        const memory = memoryOf(integrationId);
        if (memory.writes === writes) {
          if (memory.absent.size + asked.length > MAX_PER_INTEGRATION) memory.absent.clear();
          for (const id of asked) memory.absent.add(id);
        }
        for (const id of found) memory.absent.delete(id);
      };
    },
    has: (integrationId, externalId) => byIntegration.get(integrationId)?.absent.has(externalId) ?? false,
    linked(integrationId, externalIds) {
      const memory = memoryOf(integrationId);
      memory.writes += 1;
      for (const id of externalIds) memory.absent.delete(id);
    },
    forget(integrationId) {
      const memory = memoryOf(integrationId);
      memory.writes += 1;
      memory.absent.clear();
    },
  };
}
