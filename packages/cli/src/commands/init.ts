import type { Command } from "../cli/command";

/** `uslimato init`: writes the config file and generates a key ring (0600); creates the database schema. */
export const initCommand: Command = {
  name: "init",
  summary: "Create the config file and a fresh key ring, and prepare the database.",
  usage: `uslimato init [--database PATH|postgres://...|mysql://...] [database password source] [--plan enterprise] [--tenant default] [--force]

  --database DB   SQLite file (default uslimato.db beside the config file), or a postgres:// or mysql:// URL without a password
  --plan PLAN     free | starter | professional | enterprise (decides the minimum sync interval)
  --tenant ID     the host tenant integrations belong to (default "default")
  --force         overwrite an existing config file (an existing key ring is kept)
  --database-password-from-env VAR   the PostgreSQL password from the environment variable VAR
  --database-password-stdin          the PostgreSQL password from stdin
  --database-password-prompt         the PostgreSQL password at a hidden prompt
  The password is sealed with the key ring into the config file, never written in clear; a password inside
  --database is refused. Without one, PostgreSQL's own PGPASSWORD or ~/.pgpass apply.`,
  options: {
    plan: { type: "string" },
    tenant: { type: "string" },
    force: { type: "boolean" },
    "database-password-from-env": { type: "string" },
    "database-password-stdin": { type: "boolean" },
    "database-password-prompt": { type: "boolean" },
  },
  positionals: { min: 0, max: 0 },
  run: (ctx) => import("./run-init").then((m) => m.runInit(ctx)),
};
