import { CliError } from "../cli/cli-error";
import type { CommandContext } from "../cli/command";
import { readSecret } from "../secrets/read-secret";

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
