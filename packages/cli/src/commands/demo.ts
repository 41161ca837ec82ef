import type { Command } from "../cli/command";

/** `uslimato demo`: the whole SDK on a simulated tenant, no setup, no network. */
export const demoCommand: Command = {
  name: "demo",
  summary:
    "Synchronize a simulated Entra ID tenant into a local SQLite store, then keep it in step (no setup, no network).",
  usage: `uslimato demo [--users 5000] [--database postgres://...|mysql://...] [--json]

  --users N       users in the simulated tenant (default 5000)
  --database DB   run on a PostgreSQL or MySQL/MariaDB server instead of a temp SQLite file (URL without a password)
  --json          print one JSON document with every step's result (no progress output)

Steps: simulator -> configure (SQLite, demo-only key ring) -> test connection -> full sync -> sync log ->
tenant changes -> incremental sync -> webhook round trip -> summary. Exit code 1 if any step fails.`,
  options: { users: { type: "string" } },
  positionals: { min: 0, max: 0 },
  run: (ctx) => import("./run-demo").then((m) => m.runDemoCommand(ctx)),
};
