import { redactKnownSecrets } from "../secrets/redact-known-secrets";
import { cleanServiceDiagnosis, type ServiceDiagnosis } from "./service-diagnosis";

/** Options accepted by every {@link UslimatoError}. */
export interface UslimatoErrorOptions {
  /** The underlying error, kept as the standard `cause`. */
  cause?: unknown;
  /** Where the problem is: a config path, a field, a page number. */
  path?: ReadonlyArray<string | number>;
  /** Structured, secret-free facts for logs and sync logs (status, request id, integration id...). */
  details?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  /** Secret values to scrub from the message (never stored on the error). */
  secrets?: ReadonlyArray<string>;
  /** What the external service said, field by field (status, its error code, its ids). Secrets are scrubbed. */
  diagnosis?: ServiceDiagnosis;
}

/**
 * The base class of every error the SDK throws. `code` is stable and machine-readable; `message` says what and
 * where for a human. Secret values handed in `options.secrets` are scrubbed from the message in the constructor.
 *
 * @example
 * ```ts
 * try { await hub.syncNow(id); } catch (e) { if (e instanceof UslimatoError && e.code === "SYNC_ALREADY_RUNNING") {} }
 * ```
 */
export class UslimatoError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly path: ReadonlyArray<string | number>;
  readonly details: Readonly<Record<string, string | number | boolean | null | undefined>>;
  /** What the external service said, when the error came from one (see {@link ServiceDiagnosis}). */
  readonly diagnosis: ServiceDiagnosis | undefined;

  constructor(code: Code, message: string, options: UslimatoErrorOptions = {}) {
    super(
      redactKnownSecrets(message, options.secrets ?? []),
      options.cause === undefined ? {} : { cause: options.cause },
    );
    this.name = "UslimatoError";
    this.code = code;
    this.path = options.path ?? [];
    this.details = options.details ?? {};
    this.diagnosis = cleanServiceDiagnosis(options.diagnosis, options.secrets ?? []);
  }

  /** A plain, secret-free object for logs and API results. */
  toJSON(): {
    name: string;
    code: Code;
    message: string;
    path: ReadonlyArray<string | number>;
    details: object;
    diagnosis?: ServiceDiagnosis;
  } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      path: this.path,
      details: this.details,
      ...(this.diagnosis ? { diagnosis: this.diagnosis } : {}),
    };
  }
}

/** Whether a value is a {@link UslimatoError}, optionally with the given code. */
export function isUslimatoError<Code extends string>(
  value: unknown,
  code?: Code,
): value is UslimatoError<Code> {
  return value instanceof UslimatoError && (code === undefined || value.code === code);
}
