import { BodyTooLargeError } from "./body-too-large-error";

/**
 * Reads a request body as UTF-8 text, stopping as soon as more than `maxBytes` arrived (and refusing at once when
 * `Content-Length` already says so). Throws {@link BodyTooLargeError}. What is left of the body is for the
 * adapter to discard or to close the connection on (see `WebhookAdapterOptions.drainBytes`).
 *
 * @example
 * ```ts
 * const text = await readLimitedText(request, 1_000_000);
 * ```
 */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
