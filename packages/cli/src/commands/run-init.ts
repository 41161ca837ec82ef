import { access } from "node:fs/promises";
import { Secret } from "@uslimato/core";
import { createCredentialStore } from "@uslimato/credential-store";
import { CliError } from "../cli/cli-error";
import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { type CliConfig, cliConfigSchema, isServerUrl } from "../config/cli-config";
import { sealDatabasePassword } from "../config/database-password";
import { resolveConfigPaths } from "../config/load-config";
import { writeConfig } from "../config/write-config";
import { newKeyRingFile, readKeyRingFile, toKeyRing, writeKeyRingFile } from "../keys/key-ring-store";
import { openStorage } from "../runtime/open-storage";
import { readSecret } from "../secrets/read-secret";

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The database password from its source flags, sealed by the caller; `undefined` when none is given. */
async function readDatabasePassword(ctx: CommandContext, server: boolean): Promise<Secret | undefined> {
  const fromEnv = ctx.values["database-password-from-env"];
  const fromStdin = ctx.values["database-password-stdin"] === true;
  const prompt = ctx.values["database-password-prompt"] === true;
  if (fromEnv === undefined && !fromStdin && !prompt) return undefined;
  if (!server)
    throw new CliError(
      "CLI_USAGE",
      "A database password applies only to a postgres:// or mysql:// --database.",
    );
  const value = await readSecret(ctx.io, {
    ...(typeof fromEnv === "string" ? { fromEnv } : {}),
    fromStdin,
    prompt,
    label: "database password",
  });
  return value === undefined ? undefined : new Secret(value);
}

/** Runs `uslimato init`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runInit(ctx: CommandContext): Promise<ExitCode> {
  if ((await exists(ctx.configPath)) && ctx.values.force !== true)
    throw new CliError(
      "CLI_CONFIG_INVALID",
      `${ctx.configPath} already exists (use --force to overwrite it).`,
    );
  const parsed = cliConfigSchema.safeParse({
    database: typeof ctx.values.database === "string" ? ctx.values.database : "uslimato.db",
    keyRingFile: "keys.json",
    plan: ctx.values.plan ?? "enterprise",
    tenantId: ctx.values.tenant ?? "default",
  });
  if (!parsed.success)
    throw new CliError(
      "CLI_USAGE",
      `Invalid option: ${parsed.error.issues.map((i) => `--${String(i.path[0])} ${i.message}`).join("; ")}`,
    );
  let config: CliConfig = parsed.data;
  const password = await readDatabasePassword(ctx, isServerUrl(config.database));
  const resolved = resolveConfigPaths(config, ctx.configPath);
  const keyRingCreated = !(await exists(resolved.keyRingFile));
  if (keyRingCreated) await writeKeyRingFile(resolved.keyRingFile, newKeyRingFile());
  if (password !== undefined) {
    const vault = createCredentialStore({
      keyRing: toKeyRing(await readKeyRingFile(resolved.keyRingFile)),
    });
    config = { ...config, databasePassword: await sealDatabasePassword(vault, config, password) };
  }
  await writeConfig(ctx.configPath, config);
  const storage = await openStorage(resolved.database, password);
  await storage.close();
  const database = resolved.database.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
  if (ctx.json) {
    ctx.printJson({
      config: ctx.configPath,
      database,
      keyRingFile: resolved.keyRingFile,
      keyRingCreated,
      plan: config.plan,
    });
    return EXIT_CODES.ok;
  }
  ctx.out(`${ctx.colors.green("✓")} config    ${ctx.configPath}`);
  ctx.out(`${ctx.colors.green("✓")} database  ${database}`);
  ctx.out(
    `${ctx.colors.green("✓")} key ring  ${resolved.keyRingFile} (${keyRingCreated ? "generated, mode 0600" : "kept"}) — back it up: without it stored secrets cannot be opened`,
  );
  ctx.out();
  ctx.out(
    `Next: uslimato integrations add entra --name "Entra ID" --tenant-id <GUID> --client-id <GUID> --secret-from-env ENTRA_CLIENT_SECRET`,
  );
  return EXIT_CODES.ok;
}
