import { redactKnownSecrets } from "../secrets/redact-known-secrets";
import { REDACTED_TEXT, Secret } from "../secrets/secret";

/** Field names whose values are always redacted, whatever they hold (compared case-insensitively, without `_`/`-`). */
const SECRET_KEYS = new Set([
  "secret",
  "clientsecret",
  "password",
  "passwd",
  "authorization",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "token",
  "apikey",
  "privatekey",
  "clientassertion",
  "clientstate",
  "cookie",
  "setcookie",
  "proxyauthorization",
]);

const MAX_DEPTH = 8;

/** Whether a field name is one whose value is always redacted. */
function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[_-]/g, ""));
}

/**
 * A copy of `value` that is safe to log: {@link Secret}s and fields with secret names become `[REDACTED]`,
 * known secret values are scrubbed from strings, errors become plain objects (name, code, message, stack).
 */
export function redactValue(value: unknown, secrets: ReadonlyArray<string> = [], depth = 0): unknown {
  if (value instanceof Secret) return REDACTED_TEXT;
  if (typeof value === "string") return secrets.length ? redactKnownSecrets(value, secrets) : value;
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[Truncated]";
  if (value instanceof Error) return redactError(value, secrets, depth);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) && item != null ? REDACTED_TEXT : redactValue(item, secrets, depth + 1);
  }
  return out;
}

function redactError(error: Error, secrets: ReadonlyArray<string>, depth: number): Record<string, unknown> {
  const plain: Record<string, unknown> = { name: error.name, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) plain.code = code;
  if (error.stack) plain.stack = error.stack;
  if (error.cause !== undefined) plain.cause = error.cause;
  return redactValue(plain, secrets, depth + 1) as Record<string, unknown>;
}
