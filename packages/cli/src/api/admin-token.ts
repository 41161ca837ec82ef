import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { CliError } from "../cli/cli-error";
import type { CliIo } from "../cli/cli-io";

/** The environment variable `uslimato serve` reads the admin token from. */
export const ADMIN_TOKEN_ENV = "USLIMATO_ADMIN_TOKEN";

/**
 * The admin API's bearer token, taken like the CLI's other secrets (never from argv): from the file
 * `--admin-token-file`, else from `USLIMATO_ADMIN_TOKEN`, else generated (256 random bits) for this run only;
 * `generated` says the caller must show it once.
 */
export async function adminToken(
  io: CliIo,
  file: string | undefined,
): Promise<{ token: string; generated: boolean }> {
  let token: string | undefined;
  let from = "";
  if (file !== undefined) {
    token = await readFile(file, "utf8").then(
      (text) => text.trim(),
      (error: unknown) => {
        throw new CliError("CLI_SECRET_UNAVAILABLE", `Cannot read the admin token file ${file}.`, {
          cause: error,
        });
      },
    );
    from = `the file ${file}`;
  } else if (io.env[ADMIN_TOKEN_ENV]) {
    token = io.env[ADMIN_TOKEN_ENV]?.trim();
    from = ADMIN_TOKEN_ENV;
  }
  if (token === undefined) return { token: randomBytes(32).toString("base64url"), generated: true };
  if (token.length < 16 || /\s/.test(token))
    throw new CliError(
      "CLI_SECRET_UNAVAILABLE",
      `The admin token from ${from} must be at least 16 characters with no spaces.`,
    );
  return { token, generated: false };
}
