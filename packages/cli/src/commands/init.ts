import { access } from "node:fs/promises";
import { CliError } from "../cli/cli-error";
import type { Command } from "../cli/command";
import { EXIT_CODES } from "../cli/exit-codes";
import { type CliConfig, cliConfigSchema } from "../config/cli-config";
import { resolveConfigPaths } from "../config/load-config";
import { writeConfig } from "../config/write-config";
import { newKeyRingFile, writeKeyRingFile } from "../keys/key-ring-store";
import { openStorage } from "../runtime/open-storage";

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** `uslimato init`: writes the config file and generates a key ring (0600); creates the database schema. */
export const initCommand: Command = {
  name: "init",
  summary: "Create the config file and a fresh key ring, and prepare the database.",
  usage: `uslimato init [--database PATH|postgres://...] [--plan enterprise] [--tenant default] [--force]

  --database DB   SQLite file (default uslimato.db beside the config file) or a postgres:// URL
  --plan PLAN     free | starter | professional | enterprise (decides the minimum sync interval)
  --tenant ID     the host tenant integrations belong to (default "default")
  --force         overwrite an existing config file (an existing key ring is kept)`,
  options: {
    plan: { type: "string" },
    tenant: { type: "string" },
    force: { type: "boolean" },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
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
    const config: CliConfig = parsed.data;
    const resolved = resolveConfigPaths(config, ctx.configPath);
    const keyRingCreated = !(await exists(resolved.keyRingFile));
    if (keyRingCreated) await writeKeyRingFile(resolved.keyRingFile, newKeyRingFile());
    await writeConfig(ctx.configPath, config);
    const storage = await openStorage(resolved.database);
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
  },
};
