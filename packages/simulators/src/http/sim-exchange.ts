/** A request as the simulators' routers see it, whichever transport (node:http or msw) carried it. */
export interface SimRequest {
  method: string;
  /** Absolute URL, origin included: next links are built from it. */
  url: URL;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  /** The TLS client certificate the caller presented (https with `requestCert` only). */
  clientCertificate?: SimClientCertificate;
}

/** A client certificate as the server saw it during the TLS handshake. */
export interface SimClientCertificate {
  /** SHA-256 fingerprint, `AB:CD:...` as node reports it. */
  fingerprint256: string;
  /** Subject common name. */
  subject: string;
  /** Whether it chains to the server's `ca`. */
  authorized: boolean;
}

/**
 * A body produced while it is sent: node:http writes each chunk as soon as it is generated (chunked transfer
 * encoding), so a client reads the first users of a page while the last ones are still being written.
 */
export interface StreamedBody {
  readonly chunks: Iterable<Uint8Array>;
  /** Total bytes, when known up front: the body then goes out with a `Content-Length` instead of chunked. */
  readonly length?: number;
}

/** A response of a simulator router. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  /** Text, bytes for pages written directly as UTF-8, or a page streamed in chunks. */
  body: string | Uint8Array | StreamedBody;
  /**
   * Called once the body has been handed to the network in full: its memory may then be reused. A transport
   * that keeps the bytes (or copies them at its own pace) never calls it.
   */
  sent?: () => void;
}

/** A page-level fault the router applies itself (the transport cannot). */
export type PageFault =
  | { kind: "emptyPage" }
  | { kind: "duplicatePage" }
  | { kind: "loopNextLink" }
  | { kind: "expiredDelta"; style?: "gone" | "syncStateNotFound" }
  | { kind: "truncatedListing"; keep?: number; reportedCount: "full" | "truncated" | "none" };

/** A router: one simulated service behind any transport. */
export type SimHandler = (request: SimRequest, fault?: PageFault) => Promise<SimResponse>;

/** Builds a JSON response. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
