/**
 * Pages rendered ahead of their request. A client that pages through a collection asks for the next page only
 * after it has read the current one, so the server sits idle meanwhile; rendering the next page in that idle
 * time (on the next turn of the event loop) means the request finds it ready. A page is keyed by what fully
 * determines it (origin and paging token) and is only handed out while the model is at the change sequence it
 * was rendered at, so a mutation in between makes the request render afresh. At most `limit` pages are kept
 * (the oldest goes first), so a few clients paging at once are served and memory stays bounded.
 */
export interface PagesAhead {
  /** The page rendered for `key` at model sequence `sequence`, removed from the store; else `undefined`. */
  take(key: string, sequence: number): Uint8Array | undefined;
  /**
   * Renders a page for `key` on the next turn of the event loop, unless the model has moved on by then
   * (`currentSequence()` differs from `sequence`) or `render` declines (returns `undefined`).
   */
  schedule(
    key: string,
    sequence: number,
    currentSequence: () => number,
    render: () => Uint8Array | undefined,
  ): void;
  /** Pages held now. */
  readonly size: number;
}

/** Creates an empty store holding at most `limit` pages (default 4). */
export function createPagesAhead(limit = 4): PagesAhead {
  const pages = new Map<string, { sequence: number; bytes: Uint8Array }>();
  return {
    take(key, sequence) {
      const page = pages.get(key);
      if (!page) return undefined;
      pages.delete(key);
      return page.sequence === sequence ? page.bytes : undefined;
    },
    schedule(key, sequence, currentSequence, render) {
      setImmediate(() => {
        if (currentSequence() !== sequence || pages.has(key)) return;
        const bytes = render();
        if (!bytes) return;
        if (pages.size >= limit) pages.delete(pages.keys().next().value as string);
        pages.set(key, { sequence, bytes });
      });
    },
    get size() {
      return pages.size;
    },
  };
}
