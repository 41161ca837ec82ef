/** An item of {@link prefetching}, with the next one already asked for. */
export interface Prefetched<T> {
  value: T;
  /** The request for the next item, already on its way (the same one the iteration awaits next). */
  upcoming: Promise<IteratorResult<T>>;
}

/** The items of a source, each handed out with the request for the next one (see {@link prefetching}). */
export interface PrefetchingSource<T> extends AsyncIterable<Prefetched<T>> {
  /** Closes the source when it was never iterated (an iteration that ends closes it itself). */
  close(): Promise<void>;
}

/**
 * Iterates `source` while always asking for the next item before the current one is handled, so the connector
 * fetches page k+1 while the runner applies page k; each item comes with that request, so the runner can start
 * on page k+1 as soon as it is there. The first item is asked for at once, not at the first iteration: the source
 * starts working (a connector's token and first page) while the caller finishes its own preparations. On an
 * early exit the source is closed; a caller that never iterates calls `close()`.
 */
export function prefetching<T>(source: AsyncIterable<T>): PrefetchingSource<T> {
  const iterator = source[Symbol.asyncIterator]();
  let first: Promise<IteratorResult<T>> | null = iterator.next();
  first.catch(() => {});
  let iterated = false;
  return {
    [Symbol.asyncIterator]() {
      if (iterated || !first) throw new Error("prefetching: a source is iterated once");
      iterated = true;
      // handed over and forgotten here: a page kept from this closure (or a generator's argument) for the whole
      // run keeps alive what it references, about 150 MB at a million users
      const start = { next: first };
      first = null;
      return iterate(iterator, start);
    },
    async close() {
      first = null;
      if (!iterated) await iterator.return?.();
    },
  };
}

async function* iterate<T>(
  iterator: AsyncIterator<T>,
  start: { next: Promise<IteratorResult<T>> | null },
): AsyncGenerator<Prefetched<T>> {
  let next = start.next;
  start.next = null;
  let finished = false;
  try {
    while (next) {
      const result = await next;
      if (result.done) {
        finished = true;
        return;
      }
      next = iterator.next();
      next.catch(() => {});
      yield { value: result.value, upcoming: next };
    }
  } finally {
    if (!finished) await iterator.return?.();
  }
}
