import { CliError } from "../cli/cli-error";
import type { CommandContext } from "../cli/command";
import { readSecret } from "../secrets/read-secret";

const NAMED = /^([A-Za-z][A-Za-z0-9_]*)=(.+)$/;

/**
 * The secrets to hand to the hub, `{ [name]: value }`, never from argv: each `--secret-from-env VAR` (the default
 * secret) or `--secret-from-env NAME=VAR` (repeatable), `--secret-stdin` (the default secret), and with `prompt` a
 * hidden prompt for each of `wanted` (or the `--secret-name` one) still missing. The default secret is `--secret-name`
 * or `wanted[0]`. `{}` when
 * no source is given and `prompt` is off. No value is ever printed.
 */
export async function secretsFromFlags(
  ctx: CommandContext,
  secretNames: ReadonlyArray<string>,
  prompt: boolean,
  wanted: ReadonlyArray<string> = secretNames.slice(0, 1),
): Promise<Record<string, string>> {
  const known = (name: string | undefined): string => {
    if (name === undefined || !secretNames.includes(name))
      throw new CliError(
        "CLI_USAGE",
        `Unknown secret "${name ?? ""}"; this connector has: ${secretNames.join(", ") || "none"}.`,
      );
    return name;
  };
  const named = ctx.values["secret-name"];
  const fallback = known(typeof named === "string" ? named : (wanted[0] ?? secretNames[0]));
  const sources: Array<{ name: string; fromEnv?: string; fromStdin?: boolean }> = [];
  const add = (source: { name: string; fromEnv?: string; fromStdin?: boolean }) => {
    if (sources.some((s) => s.name === source.name))
      throw new CliError("CLI_USAGE", `The secret ${source.name} is given twice.`);
    sources.push(source);
  };
  const fromEnv = ctx.values["secret-from-env"];
  for (const entry of typeof fromEnv === "string" ? [fromEnv] : Array.isArray(fromEnv) ? fromEnv : []) {
    const match = NAMED.exec(entry);
    add(match ? { name: known(match[1]), fromEnv: match[2] as string } : { name: fallback, fromEnv: entry });
  }
  if (ctx.values["secret-stdin"] === true) add({ name: fallback, fromStdin: true });
  const secrets: Record<string, string> = {};
  for (const { name, ...source } of sources) {
    const value = await readSecret(ctx.io, { ...source, prompt: false, label: name });
    if (value !== undefined) secrets[name] = value;
  }
  if (!prompt) return secrets;
  // An explicit --secret-name picks the one secret to set (e.g. Entra's certificatePrivateKey instead of its default).
  const want = typeof named === "string" ? [fallback] : wanted;
  const missing = want.filter((name) => !(name in secrets));
  if (missing.length > 0 && sources.length > 0 && !ctx.io.stdin.isTTY)
    throw new CliError(
      "CLI_SECRET_UNAVAILABLE",
      `No ${missing.join(", ")} given and no terminal to prompt on: add --secret-from-env ${missing[0]}=VAR.`,
    );
  for (const name of missing) {
    const value = await readSecret(ctx.io, { prompt: true, label: name });
    if (value !== undefined) secrets[name] = value;
  }
  return secrets;
}
