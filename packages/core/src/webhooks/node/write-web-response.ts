import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * Writes a web `Response` to a `node:http` response in one go: status, headers (every `Set-Cookie` kept) and the
 * whole body. A `Connection: close` header makes Node close the connection after it.
 *
 * @example
 * ```ts
 * await writeWebResponse(res, await handler(toWebRequest(req)));
 * ```
 */
export async function writeWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);
  await new Promise<void>((resolve) => res.end(body, () => resolve()));
}
