/**
 * The longest {@link untilRequestSent} waits by default. Node's `fetch` reports the moment a request leaves (see
 * {@link watchRequestSent}); another fetch reports only when the answer came, and this bound keeps a slow answer
 * from holding the caller back.
 */
export const REQUEST_SENT_WAIT_MS = 25;

const noop = (): void => {};

/**
 * Resolves when a request is on the wire (`onWire`), when it settled (`settled`, either way), or after `maxMs`,
 * whichever comes first; it never rejects. A pager awaits it after starting the next page's request and before
 * handing out the current page, so the caller's synchronous work on that page cannot keep the request from
 * leaving (Node's `fetch` writes a request only on a later turn of the event loop).
 *
 * @example
 * ```ts
 * let sent = () => {};
 * const onWire = new Promise<void>((resolve) => (sent = resolve));
 * const next = http.request({ url, onSent: () => sent() });
 * await untilRequestSent(onWire, next);
 * ```
 */
export async function untilRequestSent(
  onWire: Promise<void>,
  settled: Promise<unknown>,
  maxMs: number = REQUEST_SENT_WAIT_MS,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, maxMs);
  });
  try {
    await Promise.race([onWire, settled.then(noop, noop), bound]);
  } finally {
    clearTimeout(timer);
  }
}
