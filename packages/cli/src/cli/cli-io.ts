/** A stream the command writes to: `process.stdout` or a test double. */
export interface OutputStream {
  write(text: string): unknown;
  /** True on a terminal: progress bars and colors are only drawn there. */
  isTTY?: boolean;
  columns?: number;
}

/** A stream secrets may be read from: `process.stdin` or a test double. */
export type InputStream = NodeJS.ReadableStream & {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
};

/** Everything the command touches of its process, so tests can run it in-process. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** The user's home directory (default config location `~/.uslimato`). */
  homeDir: string;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM), for `serve`. */
  onShutdown?: (listener: () => void) => () => void;
}

/** The real process's streams, environment and signals. */
export function processIo(homeDir: string): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    homeDir,
    onShutdown(listener) {
      process.once("SIGINT", listener);
      process.once("SIGTERM", listener);
      return () => {
        process.off("SIGINT", listener);
        process.off("SIGTERM", listener);
      };
    },
  };
}
