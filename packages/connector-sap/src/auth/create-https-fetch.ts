import { Agent, request as httpsRequest } from "node:https";
import { Readable } from "node:stream";

/** TLS material of {@link createHttpsFetch}: a client certificate and its key (PEM), and a CA to trust. */
export interface HttpsFetchOptions {
  /** The client certificate (PEM, chain allowed) for mutual TLS. */
  cert?: string;
  /** Its private key (PEM). */
  key?: string;
  /** Passphrase of an encrypted private key. */
  passphrase?: string;
  /** CA certificates (PEM) to trust besides the system's, e.g. the SAP system's own CA. */
  ca?: string;
}

/**
 * A `fetch` on node:https with its own keep-alive agent holding a client certificate (mutual TLS) and extra CAs,
 * for ky. Only `https:` URLs; honours the request's AbortSignal.
 */
export function createHttpsFetch(options: HttpsFetchOptions): typeof fetch {
  const agent = new Agent({
    keepAlive: true,
    ...(options.cert ? { cert: options.cert } : {}),
    ...(options.key ? { key: options.key } : {}),
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
  });
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol !== "https:") throw new TypeError(`client certificates need https, not ${url.protocol}`);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (body) headers["content-length"] = String(body.length);
    return new Promise<Response>((resolve, reject) => {
      const signal = request.signal;
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      const req = httpsRequest(url, { method: request.method, headers, agent, signal }, (res) => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
          else if (value !== undefined) responseHeaders.set(name, value);
        }
        const status = res.statusCode ?? 500;
        const empty = status === 204 || status === 304 || request.method === "HEAD";
        resolve(
          new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
            status,
            statusText: res.statusMessage ?? "",
            headers: responseHeaders,
          }),
        );
      });
      req.on("error", (error) =>
        reject(signal.aborted ? signal.reason : new TypeError("fetch failed", { cause: error })),
      );
      req.end(body);
    });
  };
}
