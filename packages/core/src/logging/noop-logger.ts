import type { Logger } from "./logger";

const ignore = (): void => {};

/** A {@link Logger} that drops every line: the default when a host passes none. */
export const noopLogger: Logger = {
  trace: ignore,
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
  child: () => noopLogger,
};
