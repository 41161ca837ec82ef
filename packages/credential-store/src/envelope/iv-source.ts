import { randomFillSync } from "node:crypto";

/** The GCM IV length in bytes (96 bits), the only length GCM uses without an extra hashing step. */
export const IV_LENGTH = 12;

const IVS_PER_POOL = 4096;

/**
 * A source of fresh random 96-bit IVs from the system CSPRNG. Bytes are drawn in pools of 4,096 IVs to spare a
 * system call per seal; a pool is never refilled in place (a new one is allocated), so an IV already handed out
 * never changes and no byte is ever handed out twice.
 */
export function createIvSource(): () => Buffer {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + IV_LENGTH > pool.length) {
      pool = randomFillSync(Buffer.allocUnsafe(IV_LENGTH * IVS_PER_POOL));
      offset = 0;
    }
    const iv = pool.subarray(offset, offset + IV_LENGTH);
    offset += IV_LENGTH;
    return iv;
  };
}

/** The IV source every seal of this process uses. */
export const nextIv: () => Buffer = createIvSource();
