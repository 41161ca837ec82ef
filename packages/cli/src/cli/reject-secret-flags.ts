import { CliError } from "./cli-error";
import { findSecretFlag } from "./find-secret-flag";

/**
 * Refuses a secret given on the command line (`--client-secret=...`): argv ends up in shell history and in every
 * process listing. Throws `CLI_SECRET_ON_ARGV` naming the flag, never its value.
 */
export function rejectSecretFlags(argv: ReadonlyArray<string>): void {
  const flag = findSecretFlag(argv);
  if (flag !== undefined)
    throw new CliError(
      "CLI_SECRET_ON_ARGV",
      `${flag} is not accepted: secrets are never read from the command line (shell history, process lists). ` +
        "Use --secret-from-env VAR, --secret-stdin, or answer the hidden prompt.",
    );
}
