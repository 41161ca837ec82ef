import { z } from "zod";
import { CredentialStoreError } from "../errors/credential-store-error";
import { createKeyRing, type KeyEntry, type KeyRing } from "./key-ring";

const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

const jsonForm = z.object({
  activeKeyId: z.string().optional(),
  keys: z.union([
    z.array(z.object({ id: z.string(), key: z.string() })).min(1),
    z.record(z.string(), z.string()),
  ]),
});

/**
 * Reads a {@link KeyRing} from an environment value. Two forms:
 * - `k2:BASE64,k1:BASE64` — comma-separated `id:key`, the first one active;
 * - JSON: `{"activeKeyId":"k2","keys":{"k2":"BASE64","k1":"BASE64"}}` or `{"keys":[{"id":"k2","key":"BASE64"}]}`
 *   (without `activeKeyId`, the first key is active).
 *
 * Keys are 32 bytes in base64 or base64url. `KEY_RING_INVALID` names the problem and the key id, never the value.
 *
 * @example
 * ```ts
 * const ring = keyRingFromEnv(process.env.USLIMATO_KEYS ?? "");
 * ```
 */
export function keyRingFromEnv(value: string): KeyRing {
  const text = value.trim();
  if (text === "") invalid("the value is empty");
  const { entries, activeKeyId } = text.startsWith("{") ? fromJson(text) : fromList(text);
  const keys = entries.map(([id, encoded]): KeyEntry => ({ id, key: decodeKey(id, encoded) }));
  return createKeyRing({ keys, activeKeyId: activeKeyId ?? keys[0]?.id ?? "" });
}

function fromList(text: string): { entries: Array<[string, string]>; activeKeyId?: string } {
  const entries = text.split(",").map((part, index): [string, string] => {
    const colon = part.indexOf(":");
    if (colon < 1) invalid(`entry ${index} is not of the form id:base64key`);
    return [part.slice(0, colon).trim(), part.slice(colon + 1).trim()];
  });
  return { entries };
}

function fromJson(text: string): { entries: Array<[string, string]>; activeKeyId?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    invalid("the value starts with '{' but is not valid JSON");
  }
  const parsed = jsonForm.safeParse(raw);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join(".") || "(root)");
    invalid(`the JSON form is wrong at ${[...new Set(paths)].join(", ")}`);
  }
  const { keys, activeKeyId } = parsed.data;
  const entries = Array.isArray(keys)
    ? keys.map((k): [string, string] => [k.id, k.key])
    : Object.entries(keys);
  return activeKeyId === undefined ? { entries } : { entries, activeKeyId };
}

function decodeKey(id: string, encoded: string): Uint8Array {
  if (!BASE64.test(encoded)) invalid(`key "${id}" is not base64`);
  return Buffer.from(encoded, encoded.includes("-") || encoded.includes("_") ? "base64url" : "base64");
}

function invalid(message: string): never {
  throw new CredentialStoreError("KEY_RING_INVALID", `Invalid key ring in environment value: ${message}.`);
}
