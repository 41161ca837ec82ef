import { toBase64url } from "./base64url";
import { CONTENT_ALGORITHM, ENVELOPE_PREFIX } from "./envelope-parts";

/** The header text (`usl1.<base64url(header JSON)>`) for a key id, an IV and, in envelope mode, a wrapped key. */
export function encodeHeader(kid: string, iv: Uint8Array, wrappedKey?: Uint8Array): string {
  const header =
    wrappedKey === undefined
      ? { alg: CONTENT_ALGORITHM, kid, iv: toBase64url(iv) }
      : { alg: CONTENT_ALGORITHM, kid, iv: toBase64url(iv), wk: toBase64url(wrappedKey) };
  return `${ENVELOPE_PREFIX}.${Buffer.from(JSON.stringify(header), "utf8").toString("base64url")}`;
}

/** The full envelope text: the header text, a dot, and the base64url of ciphertext ‖ tag. */
export function encodeEnvelope(headerText: string, body: Uint8Array): string {
  return `${headerText}.${toBase64url(body)}`;
}
