import type { KeyObject } from "node:crypto";

/** An app registration in the simulated tenant (client credentials). */
export interface AppRegistration {
  clientId: string;
  /** Accepted client secret. */
  clientSecret?: string;
  /** Hex SHA-256 thumbprint of the certificate, compared with the assertion's `x5t#S256` header. */
  certificateThumbprintSha256?: string;
  /** PEM (SPKI public key or X.509 certificate) or a KeyObject that verifies client assertions. */
  publicKey?: string | KeyObject;
  /** Application permissions, e.g. `User.Read.All`. Granted only when `consented`. */
  roles: string[];
  /** Admin consent given. Default true; without it tokens carry no `roles`. */
  consented?: boolean;
  /** The secret has expired (AADSTS7000222). */
  secretExpired?: boolean;
}
