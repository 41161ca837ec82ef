import type { ParseArgsOptionsConfig } from "node:util";

/** Flags every command takes. */
export const GLOBAL_OPTIONS = {
  config: { type: "string" },
  database: { type: "string" },
  json: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} satisfies ParseArgsOptionsConfig;

/** The global flags as `--help` shows them. */
export const GLOBAL_HELP = `Global flags:
  --config PATH      config file (default ~/.uslimato/config.json)
  --database DB      override the database: a SQLite file path, postgres://user@host:5432/db or mysql://user@host:3306/db (no password)
  --json             print one machine-readable JSON document
  --no-color         no colors (also NO_COLOR=1, and whenever stdout is not a terminal)
  -h, --help         this help`;
