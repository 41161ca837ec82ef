/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** One logging method, called pino-style: `(fields, message)` or `(message)`. */
export interface LogFn {
  (fields: LogFields, message?: string): void;
  (message: string): void;
}

/**
 * The logger the SDK writes to: a subset of pino's interface, so a pino logger can be passed as it is.
 * The SDK never writes to the console on its own.
 */
export interface Logger {
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /** A logger that adds `bindings` to every line. */
  child(bindings: LogFields): Logger;
}
