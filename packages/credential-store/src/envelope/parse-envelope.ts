import { CredentialStoreError } from "../errors/credential-store-error";
import { fromBase64urlStrict } from "./base64url";
import { CONTENT_ALGORITHM, ENVELOPE_PREFIX, type EnvelopeParts } from "./envelope-parts";
import { IV_LENGTH } from "./iv-source";

const TAG_LENGTH = 16;
const KEY_ID = /^[A-Za-z0-9._:/-]{1,256}$/;
const VERSIONED = /^usl(\d{1,6})\./;

/**
 * Parses an envelope strictly: version prefix, three dot-separated canonical base64url parts, a header with
 * exactly the known fields, a 12-byte IV and at least a tag's worth of body. Typed errors
 * (`ENVELOPE_UNSUPPORTED_VERSION`, `ENVELOPE_MALFORMED`) whose messages never quote the envelope.
 */
export function parseEnvelope(envelope: string): EnvelopeParts {
  if (typeof envelope !== "string") malformed("it is not a string");
  const version = VERSIONED.exec(envelope)?.[1];
  if (version === undefined) malformed("it does not start with a version prefix");
  if (`usl${version}` !== ENVELOPE_PREFIX) {
    throw new CredentialStoreError(
      "ENVELOPE_UNSUPPORTED_VERSION",
      `Envelope format version ${version} is not supported (this store reads version 1).`,
      { details: { version: Number(version) } },
    );
  }
  const segments = envelope.split(".");
  if (segments.length !== 3) malformed("it does not have exactly three parts");
  const headerSegment = segments[1]!;
  const body = fromBase64urlStrict(segments[2]!);
  if (body === null || body.length < TAG_LENGTH) malformed("its ciphertext part is not valid");
  const header = parseHeader(headerSegment);
  return { ...header, body, headerText: `${ENVELOPE_PREFIX}.${headerSegment}` };
}

function parseHeader(segment: string): Omit<EnvelopeParts, "body" | "headerText"> {
  const json = fromBase64urlStrict(segment);
  if (json === null) malformed("its header part is not valid base64url");
  let raw: unknown;
  try {
    raw = JSON.parse(json.toString("utf8"));
  } catch {
    malformed("its header is not JSON");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) malformed("its header is not an object");
  const { alg, kid, iv, wk, ...rest } = raw as Record<string, unknown>;
  if (Object.keys(rest).length > 0) malformed("its header has unknown fields");
  if (alg !== CONTENT_ALGORITHM) {
    throw new CredentialStoreError(
      "ENVELOPE_UNSUPPORTED_VERSION",
      "Envelope algorithm is not supported (this store reads A256GCM).",
    );
  }
  if (typeof kid !== "string" || !KEY_ID.test(kid)) malformed("its key id is not valid");
  const ivBytes = typeof iv === "string" ? fromBase64urlStrict(iv) : null;
  if (ivBytes === null || ivBytes.length !== IV_LENGTH) malformed("its IV is not 12 bytes");
  if (wk === undefined) return { alg, kid, iv: ivBytes };
  const wrappedKey = typeof wk === "string" ? fromBase64urlStrict(wk) : null;
  if (wrappedKey === null || wrappedKey.length === 0) malformed("its wrapped data key is not valid");
  return { alg, kid, iv: ivBytes, wrappedKey };
}

function malformed(reason: string): never {
  throw new CredentialStoreError("ENVELOPE_MALFORMED", `Envelope is malformed: ${reason}.`);
}
