#!/usr/bin/env node
// The `uslimato-sim` command. Installed from npm it runs the built dist/cli.js. In a clone of the repository
// before the first `pnpm build` there is no dist/: it then runs src/cli.ts through tsx with the
// `@uslimato/source` condition (every workspace package from its sources).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/cli.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  let tsx;
  try {
    tsx = import.meta.resolve("tsx");
  } catch {
    process.stderr.write("uslimato-sim: dist/ is missing and tsx is not installed; run `pnpm build` first\n");
    process.exit(1);
  }
  const source = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
  const args = ["--conditions=@uslimato/source", "--import", tsx, source, ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: "inherit" });
  // Ctrl-C reaches the child from the terminal itself; this process waits for it and exits as it did.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(signal ? 128 + constants.signals[signal] : (code ?? 1)));
}
