/** Encodes paging state as an opaque `$skiptoken` / `$deltatoken` value. */
export function encodeToken(state: object): string {
  return Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
}

/** Decodes {@link encodeToken}; `undefined` when the value is not one of ours. */
export function decodeToken<T extends object>(token: string): T | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}
