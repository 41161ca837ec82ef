/**
 * The `uslimato` command's exit codes: `ok` 0, `failed` 1 (a step or a sync failed), `usage` 2 (bad arguments),
 * `config` 3 (missing or invalid configuration, key ring or settings), `connection` 4 (the connection test failed).
 */
export const EXIT_CODES = {
  ok: 0,
  failed: 1,
  usage: 2,
  config: 3,
  connection: 4,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The exit codes as `--help` and the README list them. */
export const EXIT_CODES_HELP = `Exit codes:
  0  ok
  1  a step or a sync failed
  2  usage error (unknown command or flag, missing argument, a secret on the command line)
  3  configuration error (no config file, bad key ring, invalid settings, unknown integration)
  4  the connection test failed`;
