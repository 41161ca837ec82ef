import { createHash, createPublicKey, X509Certificate } from "node:crypto";
import { compactVerify, decodeProtectedHeader } from "jose";
import type { AppRegistration } from "../model/app-registration";

/** Why a client assertion was refused, as the AADSTS number and text. */
export type AssertionProblem = { code: number; message: string };

function publicKeyOf(app: AppRegistration) {
  const key = app.publicKey;
  if (key === undefined) return undefined;
  if (typeof key !== "string") return key;
  return key.includes("BEGIN CERTIFICATE") ? new X509Certificate(key).publicKey : createPublicKey(key);
}

function thumbprintOf(app: AppRegistration): string | undefined {
  if (app.certificateThumbprintSha256) return app.certificateThumbprintSha256.toLowerCase();
  if (typeof app.publicKey === "string" && app.publicKey.includes("BEGIN CERTIFICATE")) {
    return createHash("sha256").update(new X509Certificate(app.publicKey).raw).digest("hex");
  }
  return undefined;
}

/**
 * Checks a `client_assertion` JWT as Entra does: signed (RS256/PS256) by the app's registered certificate,
 * `x5t#S256` (or `x5t`) naming it, `iss` = `sub` = client id, `aud` = the token endpoint, within its lifetime.
 */
export async function verifyClientAssertion(
  assertion: string,
  app: AppRegistration,
  tokenEndpoint: string,
  now: Date,
): Promise<AssertionProblem | undefined> {
  const key = publicKeyOf(app);
  if (!key) return { code: 700027, message: "Client assertion contains an invalid signature." };
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    return { code: 50027, message: "JWT token is invalid or malformed." };
  }
  const thumbprint = thumbprintOf(app);
  const sent = header["x5t#S256"];
  if (
    thumbprint &&
    typeof sent === "string" &&
    Buffer.from(sent, "base64url").toString("hex") !== thumbprint
  ) {
    return {
      code: 700027,
      message: `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${Buffer.from(sent, "base64url").toString("hex").toUpperCase()}']`,
    };
  }
  let claims: Record<string, unknown>;
  try {
    const { payload } = await compactVerify(assertion, key, { algorithms: ["RS256", "PS256"] });
    claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
  } catch {
    return { code: 700027, message: "Client assertion failed signature validation." };
  }
  const nowS = Math.floor(now.getTime() / 1000);
  if (
    typeof claims.exp !== "number" ||
    claims.exp < nowS - 300 ||
    (typeof claims.nbf === "number" && claims.nbf > nowS + 300)
  ) {
    return { code: 700024, message: "Client assertion is not within its valid time range." };
  }
  if (claims.iss !== app.clientId || claims.sub !== app.clientId) {
    return {
      code: 700021,
      message: "Client assertion application identifier doesn't match 'client_id' parameter.",
    };
  }
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const path = new URL(tokenEndpoint).pathname;
  if (!audience.some((a) => typeof a === "string" && URL.canParse(a) && new URL(a).pathname === path)) {
    return { code: 700016, message: "Client assertion audience claim does not match Realm issuer." };
  }
  return undefined;
}
