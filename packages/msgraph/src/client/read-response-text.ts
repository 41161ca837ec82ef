import { setImmediate } from "node:timers/promises";

/** How much of a body arrives before its beginning is shown to `onHead` (a Graph page's annotations fit in it). */
const HEAD_BYTES = 8 * 1024;

/**
 * A response's body as text, as `response.text()` reads it (UTF-8, a leading byte order mark dropped, invalid
 * bytes replaced). With `onHead`, the body is read chunk by chunk and `onHead` is called once with the text of its
 * first 8 KiB as soon as they arrived, while the rest is still on the way; not at all for a shorter body. A body
 * whose head was shown is returned one turn of the event loop later, so a request sent from the head is on the
 * wire before the caller parses the body.
 */
export async function readResponseText(
  response: Response,
  onHead: ((head: string) => void) | undefined,
): Promise<string> {
  if (!onHead || !response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let told = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (!told && size >= HEAD_BYTES) {
      told = true;
      const start = chunks.length === 1 ? value : Buffer.concat(chunks, size);
      onHead(new TextDecoder().decode(start.subarray(0, HEAD_BYTES)));
    }
  }
  // A request started from the head is written on the event loop's check phase: let it leave before the caller
  // parses this body (Node's fetch writes a request from a setImmediate).
  if (told) await setImmediate();
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}
