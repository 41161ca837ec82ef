import { subscribe, unsubscribe } from "node:diagnostics_channel";

/** undici (Node's built-in `fetch`) publishes here when it writes a request's headers to the socket. */
const SEND_HEADERS = "undici:client:sendHeaders";

interface Watch {
  marker: string;
  sent: () => void;
}

const waiting = new Set<Watch>();

function stop(watch: Watch): boolean {
  if (!waiting.delete(watch)) return false;
  if (waiting.size === 0) unsubscribe(SEND_HEADERS, onSendHeaders);
  return true;
}

function onSendHeaders(message: unknown): void {
  const headers = (message as { headers?: unknown } | null)?.headers;
  if (typeof headers !== "string") return;
  for (const watch of waiting) {
    if (headers.includes(watch.marker) && stop(watch)) {
      watch.sent();
      return;
    }
  }
}

/**
 * Calls `sent` once the request whose headers carry `marker` (its unique `client-request-id`) is on the wire,
 * as undici's `undici:client:sendHeaders` diagnostics channel reports it. Returns `settled`: call it when the
 * request's response arrived or it failed; it stops watching and calls `sent` if that was not reported yet (a
 * fetch other than Node's built-in one never reports). `sent` is called exactly once.
 */
export function watchRequestSent(marker: string, sent: () => void): () => void {
  const watch: Watch = { marker, sent };
  if (marker.length < 8) {
    let called = false;
    return () => {
      if (!called) sent();
      called = true;
    };
  }
  if (waiting.size === 0) subscribe(SEND_HEADERS, onSendHeaders);
  waiting.add(watch);
  return () => {
    if (stop(watch)) sent();
  };
}
