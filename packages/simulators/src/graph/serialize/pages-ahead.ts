/**
 * Users pages rendered ahead of their request. A client that pages through a collection asks for the next
 * page only after it has read the current one; rendering the next pages meanwhile means each request finds
 * its page ready (or being rendered). A page is keyed by what fully determines it (origin and paging token)
 * and is handed out only while the model is at the change sequence it was rendered at, so a mutation in
 * between makes the request render afresh. At most `limit` pages are held (the oldest goes first), so a few
 * clients paging at once are served and memory stays bounded.
 */
export interface PagesAhead {
  /** Whether a page (ready or being rendered) is held for `key`. */
  has(key: string): boolean;
  /** Holds `page` (its bytes, or their promise) for `key`, as rendered at model sequence `sequence`. */
  put(key: string, sequence: number, page: Uint8Array | Promise<Uint8Array>): void;
  /** The page for `key` if it was rendered at `sequence`, removed from the store; else `undefined`. */
  take(key: string, sequence: number): Uint8Array | Promise<Uint8Array> | undefined;
  /** Pages held now. */
  readonly size: number;
}

/** Creates an empty store holding at most `limit` pages (default 4). */
export function createPagesAhead(limit = 4): PagesAhead {
  const pages = new Map<string, { sequence: number; page: Uint8Array | Promise<Uint8Array> }>();
  return {
    has: (key) => pages.has(key),
    put(key, sequence, page) {
      pages.delete(key);
      if (pages.size >= limit) pages.delete(pages.keys().next().value as string);
      pages.set(key, { sequence, page });
    },
    take(key, sequence) {
      const entry = pages.get(key);
      if (!entry) return undefined;
      pages.delete(key);
      return entry.sequence === sequence ? entry.page : undefined;
    },
    get size() {
      return pages.size;
    },
  };
}
