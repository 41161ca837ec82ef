/** Sends one server-sent event. */
export type SendEvent = (event: string, data: unknown) => void;

/**
 * A `text/event-stream` response: `subscribe` is called with a sender when the client connects and returns how
 * to stop; a comment line every `keepAliveMs` keeps proxies from closing an idle stream. The stream ends when
 * the client goes or `closed` aborts.
 */
export function eventStream(
  subscribe: (send: SendEvent) => () => void,
  closed: AbortSignal,
  keepAliveMs = 15_000,
): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = subscribe((event, data) =>
        write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
      );
      const ping = setInterval(() => write(": keep-alive\n\n"), keepAliveMs);
      const end = () => {
        stop();
        try {
          controller.close();
        } catch {}
      };
      stop = () => {
        clearInterval(ping);
        unsubscribe();
        closed.removeEventListener("abort", end);
      };
      if (closed.aborted) end();
      else closed.addEventListener("abort", end, { once: true });
      write(": connected\n\n");
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}
