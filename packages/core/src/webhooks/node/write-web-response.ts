import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * Writes a web `Response` to a `node:http` response: status, headers (every `Set-Cookie` kept) and the whole
 * body in one go. A `Connection: close` header makes Node close the connection after it. A server-sent event
 * stream (`text/event-stream`) is written chunk by chunk as it comes instead, and cancelled when the client goes.
 *
 * @example
 * ```ts
 * await writeWebResponse(res, await handler(toWebRequest(req)));
 * ```
 */
export async function writeWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  const stream = response.body;
  if (stream && response.headers.get("content-type")?.startsWith("text/event-stream")) {
    res.writeHead(response.status, response.statusText || undefined, headers);
    res.flushHeaders();
    const reader = stream.getReader();
    const gone = () => void reader.cancel().catch(() => undefined);
    res.once("close", gone);
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) res.write(next.value);
    } finally {
      res.off("close", gone);
    }
    await new Promise<void>((resolve) => res.end(() => resolve()));
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, response.statusText || undefined, headers);
  await new Promise<void>((resolve) => res.end(body, () => resolve()));
}
