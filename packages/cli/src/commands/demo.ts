import type { Command } from "../cli/command";

/** `uslimato demo`: the whole SDK on a simulated tenant, no setup, no network. */
export const demoCommand: Command = {
  name: "demo",
  summary:
    "Synchronize a simulated Entra ID tenant and a simulated SAP S/4HANA system into a local SQLite store, then keep them in step (no setup, no network).",
  usage: `uslimato demo [--users 5000] [--database postgres://...|mysql://...] [--json] [--serve [--port 8080] [--host 127.0.0.1]]

  --users N       users in the simulated tenant (default 5000; the SAP system is sized from it)
  --database DB   run on a PostgreSQL or MySQL/MariaDB server instead of a temp SQLite file (URL without a password)
  --json          print one JSON document with every step's result (no progress output)
  --serve         then serve the admin console and API on the demo's data (the simulator keeps running) and
                  print the console's address; Ctrl-C stops and cleans up
  --port N        the console's port with --serve (default 8080; 0 picks a free one)
  --host HOST     the console's address with --serve (default 127.0.0.1)

Steps: simulator -> configure (SQLite, demo-only key ring) -> test connection -> full sync -> sync log ->
tenant changes -> incremental sync -> webhook round trip -> SAP simulator + integration -> SAP first sync
(employees also in Entra ID on the same host users) -> SAP incremental sync -> summary. Exit code 1 if any step fails.`,
  options: {
    users: { type: "string" },
    database: { type: "string" },
    serve: { type: "boolean" },
    port: { type: "string" },
    host: { type: "string" },
  },
  positionals: { min: 0, max: 0 },
  run: (ctx) => import("./run-demo").then((m) => m.runDemoCommand(ctx)),
};
