import type { LogFields, Logger } from "@uslimato/core";
import type { OutputStream } from "../cli/cli-io";

const LEVELS = ["trace", "debug", "info", "warn", "error"] as const;

/**
 * A pino-compatible logger writing one line per entry (`time level message key=value`), for `serve`. The hub
 * wraps it with its redacting logger, so no secret reaches it.
 */
export function createLineLogger(
  stream: OutputStream,
  minLevel: (typeof LEVELS)[number] = "info",
  bindings: LogFields = {},
): Logger {
  const min = LEVELS.indexOf(minLevel);
  const write =
    (level: (typeof LEVELS)[number]) =>
    (fieldsOrMessage: LogFields | string, message?: string): void => {
      if (LEVELS.indexOf(level) < min) return;
      const fields = typeof fieldsOrMessage === "string" ? {} : fieldsOrMessage;
      const text = typeof fieldsOrMessage === "string" ? fieldsOrMessage : (message ?? "");
      const pairs = Object.entries({ ...bindings, ...fields }).map(([k, v]) => {
        const value = v instanceof Error ? `${(v as { code?: string }).code ?? v.name}: ${v.message}` : v;
        return `${k}=${typeof value === "string" ? value : JSON.stringify(value)}`;
      });
      stream.write(
        `${new Date().toISOString()} ${level.padEnd(5)} ${text}${pairs.length ? ` ${pairs.join(" ")}` : ""}\n`,
      );
    };
  return {
    trace: write("trace"),
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (more) => createLineLogger(stream, minLevel, { ...bindings, ...more }),
  };
}
