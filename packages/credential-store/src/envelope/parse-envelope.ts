import { CredentialStoreError } from "../errors/credential-store-error";
import { fromBase64urlStrict } from "./base64url";
import { CONTENT_ALGORITHM, ENVELOPE_PREFIX, type EnvelopeParts } from "./envelope-parts";
import { IV_LENGTH } from "./iv-source";

const TAG_LENGTH = 16;
const KEY_ID = /^[A-Za-z0-9._:/-]{1,256}$/;
const VERSIONED = /^usl(\d{1,6})\./;
const PREFIX_DOT = `${ENVELOPE_PREFIX}.`;

/**
 * Parses an envelope strictly: version prefix, three dot-separated canonical base64url parts, a header with
 * exactly the known fields, a 12-byte IV and at least a tag's worth of body. Typed errors
 * (`ENVELOPE_UNSUPPORTED_VERSION`, `ENVELOPE_MALFORMED`) whose messages never quote the envelope.
 */
export function parseEnvelope(envelope: string): EnvelopeParts {
  if (typeof envelope !== "string") malformed("it is not a string");
  if (!envelope.startsWith(PREFIX_DOT)) unsupportedOrMalformed(envelope);
  const headerStart = PREFIX_DOT.length;
  const bodyStart = envelope.indexOf(".", headerStart) + 1;
  if (bodyStart === 0 || envelope.includes(".", bodyStart)) malformed("it does not have exactly three parts");
  const body = fromBase64urlStrict(envelope.slice(bodyStart));
  if (body === null || body.length < TAG_LENGTH) malformed("its ciphertext part is not valid");
  const headerText = envelope.slice(0, bodyStart - 1);
  const { kid, iv, wrappedKey } = parseHeader(headerText.slice(headerStart));
  return wrappedKey === undefined
    ? { alg: CONTENT_ALGORITHM, kid, iv, body, headerText }
    : { alg: CONTENT_ALGORITHM, kid, iv, wrappedKey, body, headerText };
}

function unsupportedOrMalformed(envelope: string): never {
  const version = VERSIONED.exec(envelope)?.[1];
  if (version === undefined) malformed("it does not start with a version prefix");
  throw new CredentialStoreError(
    "ENVELOPE_UNSUPPORTED_VERSION",
    `Envelope format version ${version} is not supported (this store reads version 1).`,
    { details: { version: Number(version) } },
  );
}

type HeaderFields = { kid: string; iv: Buffer; wrappedKey: Buffer | undefined };

function parseHeader(segment: string): HeaderFields {
  const json = fromBase64urlStrict(segment);
  if (json === null) malformed("its header part is not valid base64url");
  const text = json.toString("utf8");
  return writtenHeader(text) ?? anyHeader(text);
}

const HEAD = `{"alg":"${CONTENT_ALGORITHM}","kid":"`;
const IV_FIELD = '","iv":"';
const WK_FIELD = '","wk":"';

/**
 * The header exactly as `encodeHeader` writes it (`{"alg":"A256GCM","kid":"…","iv":"…"}`, optionally with
 * `"wk"`), read without `JSON.parse`; undefined for any other text, which {@link anyHeader} then judges. Text
 * without a backslash has no escapes, so the fields cut out here are exactly what `JSON.parse` would give.
 */
function writtenHeader(text: string): HeaderFields | undefined {
  if (!text.startsWith(HEAD) || !text.endsWith('"}') || text.includes("\\")) return undefined;
  const kidEnd = text.indexOf('"', HEAD.length);
  if (!text.startsWith(IV_FIELD, kidEnd)) return undefined;
  const ivStart = kidEnd + IV_FIELD.length;
  const ivEnd = text.indexOf('"', ivStart);
  const last = text.length - 2;
  if (
    ivEnd !== last &&
    (!text.startsWith(WK_FIELD, ivEnd) || text.indexOf('"', ivEnd + WK_FIELD.length) !== last)
  ) {
    return undefined;
  }
  const kid = text.slice(HEAD.length, kidEnd);
  const iv = text.slice(ivStart, ivEnd);
  return fields(kid, iv, ivEnd === last ? undefined : text.slice(ivEnd + WK_FIELD.length, last));
}

/** Any other header text: strict JSON with exactly the known fields. */
function anyHeader(text: string): HeaderFields {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    malformed("its header is not JSON");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) malformed("its header is not an object");
  const header = raw as Record<string, unknown>;
  for (const field in header) {
    if (field !== "alg" && field !== "kid" && field !== "iv" && field !== "wk") {
      malformed("its header has unknown fields");
    }
  }
  if (header.alg !== CONTENT_ALGORITHM) {
    throw new CredentialStoreError(
      "ENVELOPE_UNSUPPORTED_VERSION",
      "Envelope algorithm is not supported (this store reads A256GCM).",
    );
  }
  return fields(header.kid, header.iv, header.wk);
}

function fields(kid: unknown, iv: unknown, wk: unknown): HeaderFields {
  if (typeof kid !== "string" || !KEY_ID.test(kid)) malformed("its key id is not valid");
  const ivBytes = typeof iv === "string" ? fromBase64urlStrict(iv) : null;
  if (ivBytes === null || ivBytes.length !== IV_LENGTH) malformed("its IV is not 12 bytes");
  if (wk === undefined) return { kid, iv: ivBytes, wrappedKey: undefined };
  const wrappedKey = typeof wk === "string" ? fromBase64urlStrict(wk) : null;
  if (wrappedKey === null || wrappedKey.length === 0) malformed("its wrapped data key is not valid");
  return { kid, iv: ivBytes, wrappedKey };
}

function malformed(reason: string): never {
  throw new CredentialStoreError("ENVELOPE_MALFORMED", `Envelope is malformed: ${reason}.`);
}
