import type { ParseArgsOptionsConfig } from "node:util";

/** Flags that say where a secret comes from. None of them takes the value itself. */
export const SECRET_OPTIONS = {
  "secret-name": { type: "string" },
  "secret-from-env": { type: "string" },
  "secret-stdin": { type: "boolean" },
} satisfies ParseArgsOptionsConfig;

/** The secret flags as `--help` shows them. */
export const SECRET_HELP = `  --secret-from-env VAR   read the secret from the environment variable VAR
  --secret-stdin          read the secret from stdin (e.g. from a secret manager's CLI)
  --secret-name NAME      which secret (default the connector's first, e.g. clientSecret)
  Without either, the secret is asked for at a hidden prompt. Secrets are never accepted as flag values.`;
