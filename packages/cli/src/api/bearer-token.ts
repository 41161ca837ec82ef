import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * A checker of `Authorization: Bearer <token>` headers against the admin token. It keeps only the token's
 * SHA-256 digest and compares digests in constant time, so neither the token's length nor its content leaks
 * through timing.
 */
export function bearerTokenChecker(token: string): (authorization: string | null) => boolean {
  if (token.length < 16) throw new RangeError("the admin token must be at least 16 characters long");
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "");
    const given = digest(match?.[1] ?? "");
    return timingSafeEqual(given, expected) && match !== null;
  };
}
