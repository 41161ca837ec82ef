const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** Base64url without padding. */
export function toBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

/**
 * Strict base64url decoding: null unless `text` is exactly the canonical encoding of the bytes it decodes to.
 * Node's decoder skips stray characters and ignores the unused low bits of the last character; accepting that
 * would let a changed envelope decode to the same bytes.
 */
export function fromBase64urlStrict(text: string): Buffer | null {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : null;
}
