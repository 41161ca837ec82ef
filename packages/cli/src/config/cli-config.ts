import { z } from "zod";

/** Zod schema of the config file (`~/.uslimato/config.json` or `--config PATH`). Holds no secret. */
export const cliConfigSchema = z.object({
  /** A SQLite file path (relative to the config file) or a `postgres://` / `postgresql://` URL. */
  database: z.string().min(1),
  /** The key ring file (relative to the config file). */
  keyRingFile: z.string().min(1),
  /** The host's plan: decides the minimum sync interval. */
  plan: z.enum(["free", "starter", "professional", "enterprise"]).default("enterprise"),
  /** The host tenant integrations belong to. */
  tenantId: z.string().min(1).default("default"),
});

/** The parsed config file. */
export type CliConfig = z.output<typeof cliConfigSchema>;

/** Whether a database setting names PostgreSQL rather than a SQLite file. */
export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}
