import type { OutputStream } from "../cli/cli-io";

/** Text styles; each returns its input unchanged when colors are off. */
export interface Colors {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/**
 * Whether to color output: only on a terminal, never with `NO_COLOR` set to a non-empty value
 * (https://no-color.org), `--no-color`, or `TERM=dumb`.
 */
export function colorsWanted(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
  noColorFlag: boolean,
): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

const style =
  (enabled: boolean, open: number, close: number) =>
  (text: string): string =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;

/** ANSI styles, or identity functions when `enabled` is false. */
export function createColors(enabled: boolean): Colors {
  return {
    enabled,
    bold: style(enabled, 1, 22),
    dim: style(enabled, 2, 22),
    red: style(enabled, 31, 39),
    green: style(enabled, 32, 39),
    yellow: style(enabled, 33, 39),
    cyan: style(enabled, 36, 39),
  };
}
