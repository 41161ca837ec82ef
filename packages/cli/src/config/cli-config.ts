import { z } from "zod";

/** Whether a database setting names PostgreSQL rather than a SQLite file. */
export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

/** Whether a database setting names MySQL or MariaDB (`mysql://` or `mariadb://`). */
export function isMysqlUrl(database: string): boolean {
  return /^(mysql|mariadb):\/\//i.test(database);
}

/** Whether a database setting names a database server (PostgreSQL, MySQL, MariaDB) rather than a SQLite file. */
export function isServerUrl(database: string): boolean {
  return isPostgresUrl(database) || isMysqlUrl(database);
}

/** Whether a server URL carries a password (`postgres://user:password@host/db`), which must never be stored. */
export function databaseUrlHasPassword(database: string): boolean {
  return isServerUrl(database) && URL.canParse(database) && new URL(database).password !== "";
}

/**
 * Zod schema of the config file (`~/.uslimato/config.json` or `--config PATH`). Holds no secret in clear: a
 * database password is sealed with the key ring (`databasePassword`), never written into the URL.
 */
export const cliConfigSchema = z.object({
  /**
   * A SQLite file path (relative to the config file), or a `postgres://` / `postgresql://` / `mysql://` /
   * `mariadb://` URL, without a password.
   */
  database: z
    .string()
    .min(1)
    .refine(
      (database) => !databaseUrlHasPassword(database),
      "holds a password in clear: remove it from the URL and run `uslimato init --force` with " +
        "--database-password-from-env VAR, --database-password-stdin or --database-password-prompt (it is then " +
        "sealed with the key ring), or set PGPASSWORD (PostgreSQL)",
    ),
  /** The database password, sealed with the key ring (AES-256-GCM, bound to this config's tenant). */
  databasePassword: z.object({ envelope: z.string().min(1), keyId: z.string().min(1) }).optional(),
  /** The key ring file (relative to the config file). */
  keyRingFile: z.string().min(1),
  /** The host's plan: decides the minimum sync interval. */
  plan: z.enum(["free", "starter", "professional", "enterprise"]).default("enterprise"),
  /** The host tenant integrations belong to. */
  tenantId: z.string().min(1).default("default"),
});

/** The parsed config file. */
export type CliConfig = z.output<typeof cliConfigSchema>;
