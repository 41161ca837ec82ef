import { type JWTVerifyGetKey, jwtVerify } from "jose";

/** The app id Microsoft Graph's change-notification service signs as (`azp` / `appid`). */
export const GRAPH_NOTIFICATION_PUBLISHER_ID = "0bf30f3b-4a52-48df-9a82-234910c4a086";

/** Options of {@link verifyValidationTokens}. */
export interface ValidationTokenOptions {
  /** Our app (client) id: the tokens' audience. */
  appId: string;
  tenantId: string;
  /** Microsoft's signing keys, e.g. `createRemoteJWKSet(new URL("https://login.microsoftonline.com/common/discovery/v2.0/keys"))`. */
  jwks: JWTVerifyGetKey;
}

/** The outcome of {@link verifyValidationTokens}. */
export type ValidationTokensResult = { valid: true } | { valid: false; reason: string };

/**
 * Verifies the `validationTokens` of a rich notification: each a JWT signed with Microsoft's keys, audience our
 * app id, issued by our tenant (v1 or v2 issuer) for Graph's publisher app, not expired. All must pass.
 *
 * @example
 * ```ts
 * const result = await verifyValidationTokens(body.validationTokens ?? [], { appId, tenantId, jwks });
 * if (!result.valid) return new Response(null, { status: 202 }); // drop silently
 * ```
 */
export async function verifyValidationTokens(
  tokens: ReadonlyArray<string>,
  options: ValidationTokenOptions,
): Promise<ValidationTokensResult> {
  if (tokens.length === 0) return { valid: false, reason: "no validation tokens" };
  const issuers = [
    `https://sts.windows.net/${options.tenantId}/`,
    `https://login.microsoftonline.com/${options.tenantId}/v2.0`,
  ];
  for (const token of tokens) {
    try {
      const { payload } = await jwtVerify(token, options.jwks, { audience: options.appId, issuer: issuers });
      const publisher = payload["azp"] ?? payload["appid"];
      if (publisher !== GRAPH_NOTIFICATION_PUBLISHER_ID) {
        return { valid: false, reason: "token not issued for Microsoft Graph notifications" };
      }
    } catch (error) {
      const code =
        typeof error === "object" && error !== null && "code" in error ? String(error.code) : "invalid";
      return { valid: false, reason: `token rejected: ${code}` };
    }
  }
  return { valid: true };
}
