#!/usr/bin/env node
import { runCli } from "./cli/run-cli";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // A handle left open (a keep-alive socket, a pool) must not keep a finished command alive.
    setTimeout(() => process.exit(code), 1000).unref();
  },
  (error: unknown) => {
    process.stderr.write(
      `uslimato: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
