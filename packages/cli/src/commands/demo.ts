import { CliError } from "../cli/cli-error";
import type { Command } from "../cli/command";
import { runDemo } from "../demo/run-demo";

/** `uslimato demo`: the whole SDK on a simulated tenant, no setup, no network. */
export const demoCommand: Command = {
  name: "demo",
  summary:
    "Synchronize a simulated Entra ID tenant into a local SQLite store, then keep it in step (no setup, no network).",
  usage: `uslimato demo [--users 5000] [--json]

  --users N   users in the simulated tenant (default 5000)
  --json      print one JSON document with every step's result (no progress output)

Steps: simulator -> configure (SQLite, demo-only key ring) -> test connection -> full sync -> sync log ->
tenant changes -> incremental sync -> webhook round trip -> summary. Exit code 1 if any step fails.`,
  options: { users: { type: "string" } },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const users = ctx.values.users === undefined ? 5000 : Number(ctx.values.users);
    if (!Number.isInteger(users) || users < 6 || users > 1_000_000)
      throw new CliError("CLI_USAGE", "--users must be a whole number from 6 to 1,000,000.");
    const { exitCode } = await runDemo({ io: ctx.io, colors: ctx.colors, users, json: ctx.json });
    return exitCode;
  },
};
