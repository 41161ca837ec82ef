import { type CryptoKey, exportJWK, generateKeyPair, type JWK } from "jose";
import type { GraphModel } from "../model/graph-model";

/** The token-signing key pair of a simulated tenant. */
export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

const keys = new WeakMap<GraphModel, Promise<SigningKeys>>();

/** The tenant's signing keys, generated once per model (so the HTTP server and msw handlers agree). */
export function signingKeys(model: GraphModel): Promise<SigningKeys> {
  let pending = keys.get(model);
  if (!pending) {
    pending = generateKeyPair("RS256", { extractable: true }).then(async ({ privateKey, publicKey }) => {
      const kid = `sim-${model.seed.toString(16)}`;
      return { kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, use: "sig" } };
    });
    keys.set(model, pending);
  }
  return pending;
}
