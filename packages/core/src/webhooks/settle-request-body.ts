import type { WebHandler, WebhookAdapterOptions } from "./web-handler";

const DEFAULT_DRAIN_BYTES = 4 * 1024 * 1024;
const DEFAULT_DRAIN_MS = 5_000;

/** The answer, marked so that the server closes the connection after sending it. */
function closing(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("connection", "close");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Reads and discards the rest of a body; `false` when it went over the byte or time bound. */
async function discard(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  maxMs: number,
): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), maxMs);
  });
  let discarded = 0;
  try {
    while (true) {
      const result = await Promise.race([reader.read(), late]);
      if (result === "late") return false;
      if (result.done) return true;
      discarded += result.value.byteLength;
      if (discarded > maxBytes) return false;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Wraps a web handler so that no answer leaves its request body half-read: a body the handler did not read to its
 * end (an early 413, 400, 403 or 503) is read and discarded within `drainBytes` and `drainMs` before the answer
 * goes out, so a keep-alive connection stays usable for the next request; beyond those bounds the answer carries
 * `Connection: close` and the server closes the connection after it. The handler cancelling the body only ends
 * its own view of it. Every adapter in `@uslimato/core/webhooks` applies it.
 *
 * @example
 * ```ts
 * const safe = settleRequestBody(receive, { drainBytes: 1_048_576 });
 * ```
 */
export function settleRequestBody(handler: WebHandler, options: WebhookAdapterOptions = {}): WebHandler {
  const drainBytes = options.drainBytes ?? DEFAULT_DRAIN_BYTES;
  const drainMs = options.drainMs ?? DEFAULT_DRAIN_MS;
  return async (request, context) => {
    if (request.body === null) return handler(request, context);
    const source = request.body.getReader();
    let ended = false;
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { done, value } = await source.read();
          if (done) {
            ended = true;
            controller.close();
          } else controller.enqueue(value);
        },
      },
      { highWaterMark: 0 },
    );
    const response = await handler(
      new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        signal: request.signal,
        duplex: "half",
      } as RequestInit),
      context,
    );
    if (ended) return response;
    const declared = Number(request.headers.get("content-length") ?? Number.NaN);
    if (declared > drainBytes) return closing(response);
    return (await discard(source, drainBytes, drainMs)) ? response : closing(response);
  };
}
