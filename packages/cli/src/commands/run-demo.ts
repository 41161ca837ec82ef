import { CliError } from "../cli/cli-error";
import type { CommandContext } from "../cli/command";
import type { ExitCode } from "../cli/exit-codes";
import { isServerUrl } from "../config/cli-config";
import { runDemo } from "../demo/run-demo";

/** Runs `uslimato demo`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runDemoCommand(ctx: CommandContext): Promise<ExitCode> {
  const users = ctx.values.users === undefined ? 5000 : Number(ctx.values.users);
  if (!Number.isInteger(users) || users < 6 || users > 1_000_000)
    throw new CliError("CLI_USAGE", "--users must be a whole number from 6 to 1,000,000.");
  const port = ctx.values.port === undefined ? 8080 : Number(ctx.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError("CLI_USAGE", "--port must be 0-65535.");
  const serve =
    ctx.values.serve === true
      ? { port, host: typeof ctx.values.host === "string" ? ctx.values.host : "127.0.0.1" }
      : undefined;
  const database = typeof ctx.values.database === "string" ? ctx.values.database : undefined;
  if (database !== undefined && !isServerUrl(database))
    throw new CliError("CLI_USAGE", "--database for the demo must be a postgres:// or mysql:// URL.");
  const { exitCode } = await runDemo({
    io: ctx.io,
    colors: ctx.colors,
    users,
    json: ctx.json,
    ...(serve ? { serve } : {}),
    ...(database === undefined ? {} : { database }),
  });
  return exitCode;
}
