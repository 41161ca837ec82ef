import { z } from "zod";
import { CredentialStoreError } from "../errors/credential-store-error";
import { KEY_LENGTH } from "./generate-key";
import { createKeyRing, type KeyEntry, type KeyRing } from "./key-ring";

const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
// names of the JSON form's own fields: the only path segments an error may quote
const FIELD_NAMES = new Set(["activeKeyId", "keys", "id", "key"]);

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
 * Keys are 32 bytes in base64 or base64url. `KEY_RING_INVALID` names the problem and the entry by its position
 * (`entry 1`, 0-based), never an id or a key: a value with id and key swapped (`BASE64:k1`) must not put the key
 * into a message, a log line or an error field.
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
  const keys = entries.map(([id, encoded], index): KeyEntry => {
    if (!KEY_ID.test(id))
      invalid(`entry ${index} has an invalid id (use 1-64 letters, digits, '.', '_' or '-')`);
    return { id, key: decodeKey(index, encoded) };
  });
  const seen = new Map<string, number>();
  for (const [index, { id }] of keys.entries()) {
    const first = seen.get(id);
    if (first !== undefined) invalid(`entries ${first} and ${index} have the same id`);
    seen.set(id, index);
  }
  const active = activeKeyId ?? keys[0]?.id ?? "";
  if (!seen.has(active)) invalid("the active key id is not one of the ring's ids");
  try {
    return createKeyRing({ keys, activeKeyId: active });
  } catch {
    // every rule is checked above; never pass on a message that could quote an id
    return invalid("the keys do not form a valid key ring");
  }
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
    const paths = parsed.error.issues.map((issue) => pathLabel(issue.path));
    invalid(`the JSON form is wrong at ${[...new Set(paths)].join(", ")}`);
  }
  const { keys, activeKeyId } = parsed.data;
  const entries = Array.isArray(keys)
    ? keys.map((k): [string, string] => [k.id, k.key])
    : Object.entries(keys);
  return activeKeyId === undefined ? { entries } : { entries, activeKeyId };
}

/** A zod issue path with only the form's own field names and positions: a record key may be key material. */
function pathLabel(path: ReadonlyArray<PropertyKey>): string {
  const parts = path.map((part) =>
    typeof part === "number" || (typeof part === "string" && FIELD_NAMES.has(part))
      ? String(part)
      : "(an id)",
  );
  return parts.join(".") || "(root)";
}

function decodeKey(index: number, encoded: string): Uint8Array {
  if (!BASE64.test(encoded)) invalid(`the key of entry ${index} is not base64`);
  const key = Buffer.from(encoded, encoded.includes("-") || encoded.includes("_") ? "base64url" : "base64");
  if (key.byteLength !== KEY_LENGTH) invalid(`the key of entry ${index} is not ${KEY_LENGTH} bytes`);
  return key;
}

function invalid(message: string): never {
  throw new CredentialStoreError("KEY_RING_INVALID", `Invalid key ring in environment value: ${message}.`);
}
