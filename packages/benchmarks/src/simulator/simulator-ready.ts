/** What the simulator child reports once it listens. */
export interface SimulatorReady {
  /** Base URL, e.g. `https://127.0.0.1:41234` (token at `/{tenant}/oauth2/v2.0/token`, Graph at `/v1.0`). */
  url: string;
  /** PEM file of its self-signed certificate, for `NODE_EXTRA_CA_CERTS`. */
  caFile: string;
  /** Client credentials the token endpoint accepts. */
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** `POST {controlUrl}/mutate?percent=1` changes that share of users (for the delta suite). */
  controlUrl: string;
}
