const SECRET_FLAG =
  /^--?(client[-_]?secret|secret|password|passwd|api[-_]?key|token|access[-_]?token|private[-_]?key|certificate[-_]?private[-_]?key)(=.*)?$/i;

/** The first secret-looking flag (`--client-secret`, `--password=...`) before `--`, without its value. */
export function findSecretFlag(argv: ReadonlyArray<string>): string | undefined {
  for (const arg of argv) {
    if (arg === "--") return undefined;
    if (SECRET_FLAG.test(arg)) return arg.split("=")[0];
  }
  return undefined;
}
