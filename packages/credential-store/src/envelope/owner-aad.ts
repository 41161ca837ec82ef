import type { SecretOwner } from "@uslimato/core";

const MAX_CACHED_OWNERS = 4096;
const ownerParts = new Map<string, Buffer>();

/**
 * The associated data of one envelope: the exact header text, then the owner's tenant id, integration id and
 * secret name. Every part is preceded by its UTF-8 byte length (4 bytes, big-endian), so no two different
 * (header, owner) tuples encode alike — `("a|b", "c")` and `("a", "b|c")` differ.
 *
 * The owner's three parts are encoded once per distinct owner and kept in a bounded cache keyed by the owner's
 * text (never by object identity, so a reused and changed owner object is encoded anew); owner ids are not secret.
 */
export function ownerAad(headerText: string, owner: SecretOwner): Buffer {
  const suffix = ownerBytes(owner);
  const header = Buffer.byteLength(headerText, "utf8");
  const out = Buffer.allocUnsafe(4 + header + suffix.length);
  out.writeUInt32BE(header, 0);
  out.write(headerText, 4, "utf8");
  suffix.copy(out, 4 + header);
  return out;
}

function ownerBytes({ tenantId, integrationId, name }: SecretOwner): Buffer {
  if (typeof tenantId !== "string" || typeof integrationId !== "string" || typeof name !== "string") {
    throw new TypeError("A secret owner's fields must be strings.");
  }
  // Length-prefixed (in UTF-16 units), so the cache key is unambiguous for any three strings.
  const key = `${tenantId.length}:${integrationId.length}:${tenantId}${integrationId}${name}`;
  let bytes = ownerParts.get(key);
  if (bytes === undefined) {
    bytes = encodeParts([tenantId, integrationId, name]);
    if (ownerParts.size >= MAX_CACHED_OWNERS) ownerParts.clear();
    ownerParts.set(key, bytes);
  }
  return bytes;
}

function encodeParts(parts: ReadonlyArray<string>): Buffer {
  const encoded = parts.map((part) => Buffer.from(part, "utf8"));
  const out = Buffer.alloc(encoded.reduce((sum, part) => sum + 4 + part.length, 0));
  let offset = 0;
  for (const part of encoded) {
    offset = out.writeUInt32BE(part.length, offset);
    offset += part.copy(out, offset);
  }
  return out;
}
