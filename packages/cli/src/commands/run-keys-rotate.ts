import { createCredentialStore } from "@uslimato/credential-store";
import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { openDatabasePassword } from "../config/database-password";
import { loadConfig } from "../config/load-config";
import { resealDatabasePassword } from "../config/reseal-database-password";
import { addKey, readKeyRingFile, toKeyRing, writeKeyRingFile } from "../keys/key-ring-store";
import { renderTable } from "../output/render-table";
import { openStorage } from "../runtime/open-storage";

/** Runs `uslimato keys rotate`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runKeysRotate(ctx: CommandContext): Promise<ExitCode> {
  const config = await ctx.loadConfig();
  const before = await readKeyRingFile(config.keyRingFile);
  const rotated = addKey(before);
  await writeKeyRingFile(config.keyRingFile, rotated);
  let store = createCredentialStore({ keyRing: toKeyRing(rotated) });
  const storage = await openStorage(config.database, await openDatabasePassword(store, config));
  try {
    const result = await store.rewrap(storage.secrets, { batchSize: 200 });
    // The config's sealed database password moves to the new key too, before any key is retired.
    const databasePasswordRewrapped = await resealDatabasePassword(store, await loadConfig(config.path));
    let usage = await store.keyUsage(storage.secrets);
    const retired: string[] = [];
    const kept: string[] = [];
    if (ctx.values.retire === true) {
      for (const id of Object.keys(usage).filter((k) => k !== rotated.activeKeyId)) {
        if ((usage[id] ?? 0) > 0) {
          kept.push(id);
          continue;
        }
        store = await store.retireKey(storage.secrets, id);
        retired.push(id);
      }
      if (retired.length > 0)
        await writeKeyRingFile(config.keyRingFile, {
          ...rotated,
          keys: rotated.keys.filter((k) => !retired.includes(k.id)),
        });
      usage = await store.keyUsage(storage.secrets);
    }
    const failed = result.failed.map((f) => ({
      integrationId: f.integrationId,
      name: f.name,
      keyId: f.keyId,
      code: f.code,
    }));
    if (ctx.json) {
      ctx.printJson({
        activeKeyId: rotated.activeKeyId,
        rewrapped: result.rewrapped,
        skipped: result.skipped,
        failed,
        databasePasswordRewrapped,
        usage,
        retired,
        kept,
      });
    } else {
      ctx.out(
        `${ctx.colors.green("✓")} new active key ${ctx.colors.bold(rotated.activeKeyId)} saved to ${config.keyRingFile} (mode 0600)`,
      );
      ctx.out(
        `  re-wrapped ${result.rewrapped} secret(s), skipped ${result.skipped} (changed meanwhile), failed ${failed.length}`,
      );
      if (databasePasswordRewrapped) ctx.out("  re-sealed the database password in the config file");
      for (const f of failed)
        ctx.out(`  ${ctx.colors.red(f.code)} ${f.integrationId}/${f.name} (key ${f.keyId})`);
      ctx.out(
        renderTable(
          [
            { header: "key", value: ([id]) => id + (id === rotated.activeKeyId ? " (active)" : "") },
            { header: "secrets", value: ([, n]) => String(n), right: true },
          ],
          Object.entries(usage),
        ),
      );
      if (retired.length > 0) ctx.out(`  retired ${retired.join(", ")}`);
      if (kept.length > 0) ctx.out(ctx.colors.yellow(`  kept ${kept.join(", ")}: still in use`));
    }
    return failed.length > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
  } finally {
    await storage.close();
  }
}
