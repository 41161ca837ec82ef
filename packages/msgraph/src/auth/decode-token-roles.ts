import { decodeJwt } from "jose";

/**
 * The application permissions (`roles` claim) of a Graph access token, without verifying it: for "test
 * connection" (missing admin consent still yields a token, only without roles). Empty when the claim is absent
 * or the token cannot be decoded.
 *
 * @example
 * ```ts
 * const { token } = await tokens.getToken();
 * if (!decodeTokenRoles(token).includes("User.Read.All")) console.warn("admin consent missing");
 * ```
 */
export function decodeTokenRoles(token: string): string[] {
  try {
    const roles = decodeJwt(token)["roles"];
    return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === "string") : [];
  } catch {
    return [];
  }
}
