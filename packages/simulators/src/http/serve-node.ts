import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import type { FaultController } from "../faults/fault-controller";
import { bodyBytes } from "./body-bytes";
import { type FaultResponder, runExchange } from "./exchange-outcome";
import type { RequestLog } from "./request-log";
import type { SimHandler, SimRequest, SimResponse } from "./sim-exchange";

/** TLS material for an https simulator (self-signed is fine with `NODE_EXTRA_CA_CERTS`). */
export interface SimulatorTls {
  key: string | Buffer;
  cert: string | Buffer;
  /** Ask clients for a certificate (mTLS); a missing or untrusted one is left for the router to judge. */
  requestCert?: boolean;
  /** CAs client certificates are checked against (`clientCertificate.authorized`). */
  ca?: string | Buffer | Array<string | Buffer>;
}

/** A running node server. */
export interface NodeServing {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, body: string, scheme: string, fallbackHost: string): SimRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const origin = `${headers["x-forwarded-proto"] ?? scheme}://${headers.host ?? fallbackHost}`;
  const request: SimRequest = {
    method: req.method ?? "GET",
    url: new URL(req.url ?? "/", origin),
    headers,
    body,
  };
  const socket = req.socket as Partial<TLSSocket>;
  const peer = typeof socket.getPeerCertificate === "function" ? socket.getPeerCertificate() : undefined;
  if (peer?.fingerprint256) {
    const cn = peer.subject?.CN;
    request.clientCertificate = {
      fingerprint256: peer.fingerprint256,
      subject: Array.isArray(cn) ? cn.join(",") : (cn ?? ""),
      authorized: socket.authorized === true,
    };
  }
  return request;
}

/** A response whose streamed body is generated now (kept as its chunks, still written one by one). */
function renderedWithin(response: SimResponse): SimResponse {
  const { body } = response;
  if (typeof body !== "object" || body instanceof Uint8Array) return response;
  return { ...response, body: { ...body, chunks: [...body.chunks] } };
}

/** Bytes handed to the socket per write of a body already in memory. */
const WRITE_SLICE = 64 * 1024;

/**
 * Writes bytes in slices, as a server that streams: the first bytes (with the head, and a page's next link) leave
 * before the rest is encrypted, instead of after the whole body.
 */
function writeSliced(res: ServerResponse, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; at += WRITE_SLICE) res.write(bytes.subarray(at, at + WRITE_SLICE));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Serves a router over node:http (or node:https) with keep-alive, applying faults at the socket level. */
export async function serveNode(
  handler: SimHandler,
  options: {
    port?: number;
    host?: string;
    tls?: SimulatorTls;
    faults: FaultController;
    log: RequestLog;
    faultResponse: FaultResponder;
  },
): Promise<NodeServing> {
  const host = options.host ?? "127.0.0.1";
  const scheme = options.tls ? "https" : "http";
  let origin = "";
  let hostAndPort = "";
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const arrived = performance.now();
      const request = toRequest(req, Buffer.concat(chunks).toString("utf8"), scheme, hostAndPort);
      runExchange(request, handler, options.faults, options.log, options.faultResponse)
        .then(async (outcome) => {
          // a slow answer leaves `delayMs` after its request arrived: the server's own work is part of its latency,
          // rendering a streamed body included
          if (outcome.delayMs > 0 && outcome.kind === "respond")
            outcome.response = renderedWithin(outcome.response);
          const late = outcome.delayMs - (performance.now() - arrived);
          if (outcome.delayMs > 0 && late > 0) await sleep(late);
          if (outcome.kind === "reset") {
            req.socket.destroy();
            return;
          }
          const { status, headers, body } = outcome.response;
          if (outcome.kind === "respond" && typeof body === "object" && !(body instanceof Uint8Array)) {
            // each chunk goes to the socket as soon as it is generated: the client reads while we write
            res.writeHead(
              status,
              body.length === undefined ? headers : { ...headers, "content-length": String(body.length) },
            );
            try {
              for (const chunk of body.chunks) writeSliced(res, chunk);
            } catch {
              req.socket.destroy(); // the head is out: a broken stream is all a client can still be told
              return;
            }
            res.end(outcome.response.sent);
            return;
          }
          const bytes = bodyBytes(body);
          res.writeHead(status, { ...headers, "content-length": String(bytes.length) });
          if (outcome.kind === "truncate") {
            res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
            return;
          }
          writeSliced(res, bytes);
          res.end(outcome.response.sent);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(`simulator failure: ${error instanceof Error ? error.message : String(error)}`);
        });
    });
  };
  const server = options.tls
    ? createHttpsServer(
        {
          key: options.tls.key,
          cert: options.tls.cert,
          keepAlive: true,
          ...(options.tls.requestCert ? { requestCert: true, rejectUnauthorized: false } : {}),
          ...(options.tls.ca ? { ca: options.tls.ca } : {}),
        },
        listener,
      )
    : createHttpServer({ keepAlive: true }, listener);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  hostAndPort = `${shownHost}:${port}`;
  origin = `${scheme}://${hostAndPort}`;
  return {
    server,
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
