#!/usr/bin/env node
import { runCli } from "./cli/run-cli";

runCli(process.argv.slice(2), (line) => console.log(line))
  .then((run) => {
    if (run.kind === "usage") {
      process.exitCode = run.exitCode;
      return;
    }
    process.once("SIGINT", () => {
      void run.simulator.close().then(() => process.exit(0));
    });
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
