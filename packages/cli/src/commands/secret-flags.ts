import type { ParseArgsOptionsConfig } from "node:util";
import { CliError } from "../cli/cli-error";
import type { CommandContext } from "../cli/command";
import { readSecret } from "../secrets/read-secret";

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

/**
 * The secrets to hand to the hub: `{ [name]: value }` from the chosen source, or `{}` when none is given and
 * `prompt` is off. The value is never printed.
 */
export async function secretsFromFlags(
  ctx: CommandContext,
  secretNames: ReadonlyArray<string>,
  prompt: boolean,
): Promise<Record<string, string>> {
  const name = typeof ctx.values["secret-name"] === "string" ? ctx.values["secret-name"] : secretNames[0];
  if (name === undefined || !secretNames.includes(name))
    throw new CliError(
      "CLI_USAGE",
      `Unknown secret "${name ?? ""}"; this connector has: ${secretNames.join(", ") || "none"}.`,
    );
  const fromEnv = ctx.values["secret-from-env"];
  const value = await readSecret(ctx.io, {
    ...(typeof fromEnv === "string" ? { fromEnv } : {}),
    fromStdin: ctx.values["secret-stdin"] === true,
    prompt,
    label: name,
  });
  return value === undefined ? {} : { [name]: value };
}
