import { CliError } from "../cli/cli-error";

/** `--interval MIN` as whole minutes, `undefined` when not given; `CLI_USAGE` for anything but a positive integer. */
export function parseInterval(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const minutes = Number(value);
  if (typeof value !== "string" || !Number.isInteger(minutes) || minutes <= 0)
    throw new CliError("CLI_USAGE", "--interval must be a whole number of minutes.");
  return minutes;
}
