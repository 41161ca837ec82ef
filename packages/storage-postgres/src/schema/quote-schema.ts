import { ConfigError } from "@uslimato/core/storage";

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Checks a schema name and returns it double-quoted for SQL. Only plain identifiers (letters, digits,
 * underscores, at most 63 characters) are accepted, so a schema name can never inject SQL.
 */
export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new ConfigError("PostgreSQL storage options", [
      {
        path: ["schema"],
        code: "invalid_schema",
        message: `"${schema}" is not a plain PostgreSQL identifier (letters, digits, underscores).`,
      },
    ]);
  }
  return `"${schema}"`;
}
