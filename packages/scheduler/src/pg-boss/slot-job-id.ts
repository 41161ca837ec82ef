import { createHash } from "node:crypto";

/**
 * The pg-boss job id of one slot of one integration: a UUID derived from `integrationId` and the slot time
 * (SHA-256, formatted as a version-8 UUID). Every instance computes the same id, so the second `insert` of a
 * slot hits pg-boss's `ON CONFLICT DO NOTHING` and the slot is enqueued once; the completed job stays as the
 * record that the slot ran until pg-boss deletes it (`deleteAfterSeconds`, kept above the interval).
 */
export function slotJobId(integrationId: string, slot: Date): string {
  const hex = createHash("sha256").update(`${integrationId}\u0000${slot.toISOString()}`).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
