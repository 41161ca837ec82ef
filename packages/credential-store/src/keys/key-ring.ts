import { createSecretKey, type KeyObject } from "node:crypto";
import { inspect } from "node:util";
import { CredentialStoreError } from "../errors/credential-store-error";
import { KEY_LENGTH } from "./generate-key";

/** One key of a ring: its id (letters, digits, `.`, `_`, `-`; up to 64) and its 32 bytes. */
export interface KeyEntry {
  id: string;
  key: Uint8Array;
}

/**
 * Several AES-256 keys by id, one of them active for sealing. Immutable: every change returns a new ring. The key
 * bytes are held outside the object and never print (`inspect`, `JSON.stringify` show only the ids).
 */
export interface KeyRing {
  /** The key new secrets are sealed with. */
  readonly activeKeyId: string;
  /** Every key id, active first. */
  readonly keyIds: ReadonlyArray<string>;
  has(keyId: string): boolean;
  /** A ring with one more key; `activate: true` also makes it the active one. */
  withKey(entry: KeyEntry, options?: { activate?: boolean }): KeyRing;
  /** A ring whose active key is `keyId` (which must be in the ring). */
  withActiveKey(keyId: string): KeyRing;
  /** A ring without `keyId`. The active key cannot be removed. */
  withoutKey(keyId: string): KeyRing;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const secretKeys = new WeakMap<KeyRing, ReadonlyMap<string, KeyObject>>();

/**
 * Builds a {@link KeyRing} from keys and the id of the active one. Copies the bytes, so the caller may wipe its
 * buffers afterwards. `KEY_RING_INVALID` for a bad id, a duplicate id, a key that is not 32 bytes, or an active
 * id that is not in the ring; the message names ids, never bytes.
 *
 * @example
 * ```ts
 * const ring = createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" });
 * ```
 */
export function createKeyRing(options: { keys: ReadonlyArray<KeyEntry>; activeKeyId: string }): KeyRing {
  const keys = new Map<string, KeyObject>();
  for (const [index, entry] of options.keys.entries()) {
    if (typeof entry.id !== "string" || !KEY_ID.test(entry.id)) {
      invalid(`key ${index} has an invalid id (use 1-64 letters, digits, '.', '_' or '-')`);
    }
    if (keys.has(entry.id)) invalid(`key id "${entry.id}" appears twice`);
    if (!(entry.key instanceof Uint8Array) || entry.key.byteLength !== KEY_LENGTH) {
      invalid(`key "${entry.id}" must be ${KEY_LENGTH} bytes`);
    }
    keys.set(entry.id, createSecretKey(Buffer.from(entry.key)));
  }
  if (!keys.has(options.activeKeyId)) {
    invalid(`the active key id is not one of the ring's ids (${[...keys.keys()].join(", ")})`);
  }
  return ringOf(keys, options.activeKeyId);
}

/** The key of `keyId` in `ring`, for this package's cipher code only (not exported from the package). */
export function ringKey(ring: KeyRing, keyId: string): KeyObject | undefined {
  return secretKeys.get(ring)?.get(keyId);
}

function ringOf(keys: ReadonlyMap<string, KeyObject>, activeKeyId: string): KeyRing {
  const keyIds = [activeKeyId, ...[...keys.keys()].filter((id) => id !== activeKeyId)];
  const describe = () => `KeyRing(active=${activeKeyId}, keys=[${keyIds.join(", ")}])`;
  const ring: KeyRing = {
    activeKeyId,
    keyIds,
    has: (keyId) => keys.has(keyId),
    withKey(entry, options = {}) {
      if (keys.has(entry.id)) invalid(`key id "${entry.id}" is already in the ring`);
      const added = createKeyRing({ keys: [entry], activeKeyId: entry.id });
      const merged = new Map(keys);
      merged.set(entry.id, ringKey(added, entry.id)!);
      return ringOf(merged, options.activate ? entry.id : activeKeyId);
    },
    withActiveKey(keyId) {
      if (!keys.has(keyId)) invalid(`key id "${keyId}" is not in the ring`);
      return ringOf(keys, keyId);
    },
    withoutKey(keyId) {
      if (keyId === activeKeyId) invalid(`key id "${keyId}" is the active key and cannot be removed`);
      const rest = new Map(keys);
      rest.delete(keyId);
      return ringOf(rest, activeKeyId);
    },
  };
  Object.defineProperties(ring, {
    toString: { value: describe },
    toJSON: { value: () => ({ activeKeyId, keyIds }) },
    [inspect.custom]: { value: describe },
  });
  secretKeys.set(ring, keys);
  return Object.freeze(ring);
}

function invalid(message: string): never {
  throw new CredentialStoreError("KEY_RING_INVALID", `Invalid key ring: ${message}.`);
}
