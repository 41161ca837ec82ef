import { setImmediate } from "node:timers/promises";
import { scanJsonHead } from "./scan-json-head";

/** A head longer than this is not scanned further (a page's links fit in far less). */
const HEAD_SCAN_LIMIT = 64 * 1024;

/**
 * Reads a response body as text, as `response.text()` does, and meanwhile calls `onHead` once with the body's
 * leading string members (see {@link scanJsonHead}) as soon as they arrived, before the rest of the body. Not
 * called when the head cannot be read within the first 64 KiB, or when the body ended first (then the caller
 * has the whole body anyway). When `onHead` returns a promise (a request it started being put on the wire), the
 * rest of the body is read only once it settled: reading a megabyte of buffered chunks would otherwise go
 * between that request's steps. Otherwise a body whose head was shown is returned one turn of the event loop
 * later, so a request sent from the head is on the wire before the caller parses the body.
 */
export async function readBodyWithHead(
  response: Response,
  onHead: (members: Record<string, string>) => void | Promise<void>,
): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  const decoder = new TextDecoder();
  let head = "";
  let scanning = true;
  let yieldBeforeReturn = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    if (!scanning) continue;
    head += decoder.decode(value, { stream: true });
    const scanned = scanJsonHead(head);
    if (scanned.done || head.length > HEAD_SCAN_LIMIT) scanning = false;
    if (scanned.done) {
      const leaving = onHead(scanned.members);
      if (leaving) await leaving.catch(() => {});
      else yieldBeforeReturn = true;
    }
  }
  // A request started from the head is written from a setImmediate (Node's fetch): let it leave before the
  // caller parses this body.
  if (yieldBeforeReturn) await setImmediate();
  return new TextDecoder().decode(Buffer.concat(chunks));
}
