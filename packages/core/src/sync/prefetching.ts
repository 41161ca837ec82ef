/**
 * Iterates `source` while always asking for the next item before the current one is handled, so the connector
 * fetches page k+1 while the runner applies page k. On an early exit the source is closed.
 */
export async function* prefetching<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
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
      yield result.value;
    }
  } finally {
    if (!finished) await iterator.return?.();
  }
}
