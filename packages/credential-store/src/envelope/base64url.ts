const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** Base64url without padding. */
export function toBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

/**
 * Strict base64url decoding: null unless `text` is exactly the canonical encoding of the bytes it decodes to.
 * Node's decoder skips stray characters and ignores the unused low bits of the last character; accepting that
 * would let a changed envelope decode to the same bytes. So the text must use only the 64 base64url characters,
 * have no impossible length (4k + 1), and leave the unused low bits of its last character zero (4 bits when the
 * length is 4k + 2, 2 bits when it is 4k + 3) — exactly the texts that re-encode to themselves, checked without
 * re-encoding.
 */
export function fromBase64urlStrict(text: string): Buffer | null {
  const rest = text.length % 4;
  if (rest === 1 || !ALPHABET.test(text)) return null;
  if (rest !== 0) {
    const unused = rest === 2 ? 0x0f : 0x03;
    if ((sextet(text.charCodeAt(text.length - 1)) & unused) !== 0) return null;
  }
  return Buffer.from(text, "base64url");
}

/** The 6-bit value of a base64url character (the caller has checked the alphabet). */
function sextet(code: number): number {
  if (code >= 97) return code - 71; // a-z: 26..51
  if (code >= 65) return code === 95 ? 63 : code - 65; // A-Z: 0..25, "_": 63
  if (code >= 48) return code + 4; // 0-9: 52..61
  return 62; // "-"
}
