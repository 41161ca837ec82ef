import { inspect } from "node:util";

const REDACTED = "[REDACTED]";
const values = new WeakMap<Secret, string>();

/**
 * A secret value that cannot print. `String(secret)`, template literals, `JSON.stringify`, `util.inspect`,
 * `console.log` and error messages all show `[REDACTED]`; only {@link Secret.reveal} gives the value.
 * The value is kept outside the object (in a module-private WeakMap), so no property walk can find it.
 *
 * @example
 * ```ts
 * const secret = new Secret("s3cr3t");
 * `${secret}`;       // "[REDACTED]"
 * secret.reveal();   // "s3cr3t"
 * ```
 */
export class Secret {
  constructor(value: string) {
    values.set(this, value);
    Object.freeze(this);
  }

  /** The plaintext. Call it at the last moment, where the value leaves for the service that needs it. */
  reveal(): string {
    const value = values.get(this);
    if (value === undefined) throw new TypeError("Secret has no value");
    return value;
  }

  /** Always `[REDACTED]`. */
  toString(): string {
    return REDACTED;
  }

  /** Always `"[REDACTED]"` inside JSON. */
  toJSON(): string {
    return REDACTED;
  }

  /** Always `[REDACTED]` in template literals and string coercion. */
  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  /** Always `Secret([REDACTED])` for `util.inspect` and `console.log`. */
  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }

  /** Whether a value is a {@link Secret}. */
  static isSecret(value: unknown): value is Secret {
    return value instanceof Secret;
  }
}

/** The text every redacted value is replaced with. */
export const REDACTED_TEXT = REDACTED;
