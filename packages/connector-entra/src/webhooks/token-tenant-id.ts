/** The `tid` claim (Entra tenant id) of an access token, read without verifying it (we just received it). */
export function tokenTenantId(token: string): string | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { tid?: unknown };
    return typeof claims.tid === "string" ? claims.tid : undefined;
  } catch {
    return undefined;
  }
}
