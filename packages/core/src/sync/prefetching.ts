/** An item of {@link prefetching}, with the next one already asked for. */
export interface Prefetched<T> {
  value: T;
  /** The request for the next item, already on its way (the same one the iteration awaits next). */
  upcoming: Promise<IteratorResult<T>>;
}

/**
 * Iterates `source` while always asking for the next item before the current one is handled, so the connector
 * fetches page k+1 while the runner applies page k; each item comes with that request, so the runner can start
 * on page k+1 as soon as it is there. On an early exit the source is closed.
 */
export async function* prefetching<T>(source: AsyncIterable<T>): AsyncGenerator<Prefetched<T>> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  let finished = false;
  try {
    while (true) {
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
