import { redactKnownSecrets } from "../secrets/redact-known-secrets";
import type { LogFields, Logger } from "./logger";
import { redactValue } from "./redact-value";

/** Options of {@link createRedactingLogger}. */
export interface RedactingLoggerOptions {
  /** Known secret values to scrub from every message and field (e.g. while a secret is open). */
  secrets?: () => ReadonlyArray<string>;
}

const LEVELS = ["trace", "debug", "info", "warn", "error"] as const;

/**
 * Wraps a {@link Logger} so that nothing secret reaches it: {@link Secret} values and secret-named fields
 * (`clientSecret`, `authorization`, `token`, ...) print as `[REDACTED]`, known secret values are scrubbed from
 * messages and strings. The hub wraps the host's logger with it; connectors get the wrapped one.
 */
export function createRedactingLogger(inner: Logger, options: RedactingLoggerOptions = {}): Logger {
  const known = options.secrets ?? (() => []);
  const logger = {} as Logger;
  for (const level of LEVELS) {
    logger[level] = ((fieldsOrMessage: LogFields | string, message?: string) => {
      const secrets = known();
      if (typeof fieldsOrMessage === "string") {
        inner[level](redactKnownSecrets(fieldsOrMessage, secrets));
        return;
      }
      const fields = redactValue(fieldsOrMessage, secrets) as LogFields;
      if (message === undefined) inner[level](fields);
      else inner[level](fields, redactKnownSecrets(message, secrets));
    }) as Logger["info"];
  }
  logger.child = (bindings) =>
    createRedactingLogger(inner.child(redactValue(bindings) as LogFields), options);
  return logger;
}
