import type { SecretOwner } from "@uslimato/core";

/**
 * The associated data of one envelope: the exact header text, then the owner's tenant id, integration id and
 * secret name. Every part is preceded by its UTF-8 byte length (4 bytes, big-endian), so no two different
 * (header, owner) tuples encode alike — `("a|b", "c")` and `("a", "b|c")` differ.
 */
export function ownerAad(headerText: string, owner: SecretOwner): Buffer {
  const parts = [headerText, owner.tenantId, owner.integrationId, owner.name].map((part) =>
    Buffer.from(part, "utf8"),
  );
  const out = Buffer.allocUnsafe(parts.reduce((sum, part) => sum + 4 + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    offset = out.writeUInt32BE(part.length, offset);
    offset += part.copy(out, offset);
  }
  return out;
}
