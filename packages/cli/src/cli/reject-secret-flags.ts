import { CliError } from "./cli-error";

const SECRET_FLAG =
  /^--?(client[-_]?secret|secret|password|passwd|api[-_]?key|token|access[-_]?token|private[-_]?key|certificate[-_]?private[-_]?key)(=.*)?$/i;

/**
 * Refuses a secret given on the command line (`--client-secret=...`): argv ends up in shell history and in every
 * process listing. Throws `CLI_SECRET_ON_ARGV` naming the flag, never its value.
 */
export function rejectSecretFlags(argv: ReadonlyArray<string>): void {
  for (const arg of argv) {
    if (arg === "--") return;
    const match = SECRET_FLAG.exec(arg);
    if (match) {
      const flag = arg.split("=")[0];
      throw new CliError(
        "CLI_SECRET_ON_ARGV",
        `${flag} is not accepted: secrets are never read from the command line (shell history, process lists). ` +
          "Use --secret-from-env VAR, --secret-stdin, or answer the hidden prompt.",
      );
    }
  }
}
