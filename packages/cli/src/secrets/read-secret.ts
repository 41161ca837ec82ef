import { CliError } from "../cli/cli-error";
import type { CliIo } from "../cli/cli-io";
import { promptHidden } from "./prompt-hidden";

/** Where a secret comes from: `--secret-from-env VAR`, `--secret-stdin`, or a hidden prompt on a terminal. */
export interface SecretSource {
  fromEnv?: string;
  fromStdin?: boolean;
  /** Prompt on a TTY when neither flag is given. */
  prompt: boolean;
  /** The secret's label in the prompt and messages, e.g. `client secret`. */
  label: string;
}

const readAll = async (io: CliIo): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
};

/**
 * Reads one secret value, never from argv. `undefined` when no source is given and prompting is off;
 * `CLI_SECRET_UNAVAILABLE` when the variable is unset or empty, stdin is empty, or there is no terminal to prompt on.
 */
export async function readSecret(io: CliIo, source: SecretSource): Promise<string | undefined> {
  let value: string | undefined;
  if (source.fromEnv !== undefined) {
    value = io.env[source.fromEnv];
    if (!value)
      throw new CliError(
        "CLI_SECRET_UNAVAILABLE",
        `The environment variable ${source.fromEnv} is not set or empty.`,
      );
  } else if (source.fromStdin) {
    value = await readAll(io);
    if (!value) throw new CliError("CLI_SECRET_UNAVAILABLE", `No ${source.label} on stdin.`);
  } else if (source.prompt) {
    if (!io.stdin.isTTY)
      throw new CliError(
        "CLI_SECRET_UNAVAILABLE",
        `No ${source.label} given and no terminal to prompt on: use --secret-from-env VAR or --secret-stdin.`,
      );
    value = await promptHidden(
      io.stdin,
      io.stderr,
      `${source.label[0]?.toUpperCase()}${source.label.slice(1)} (hidden): `,
    );
    if (!value) throw new CliError("CLI_SECRET_UNAVAILABLE", `No ${source.label} entered.`);
  }
  return value;
}
