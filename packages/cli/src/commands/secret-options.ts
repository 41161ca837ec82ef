import type { ParseArgsOptionsConfig } from "node:util";

/** Flags that say where a secret comes from. None of them takes the value itself. */
export const SECRET_OPTIONS = {
  "secret-name": { type: "string" },
  "secret-from-env": { type: "string", multiple: true },
  "secret-stdin": { type: "boolean" },
} satisfies ParseArgsOptionsConfig;

/** The secret flags as `--help` shows them. */
export const SECRET_HELP = `  --secret-from-env VAR   read the secret from the environment variable VAR
  --secret-from-env NAME=VAR
                          read the secret NAME from VAR (repeat it for several, e.g. SAP's clientCertificate
                          and clientKey)
  --secret-stdin          read the secret from stdin (e.g. from a secret manager's CLI)
  --secret-name NAME      which secret VAR and stdin hold (default the one the settings need first, e.g.
                          clientSecret, or SAP's password)
  Secrets still missing are asked for at a hidden prompt. Secrets are never accepted as flag values.`;
