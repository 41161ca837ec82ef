import type { Command } from "../cli/command";

/** `uslimato test <id>`: the connection test; exit code 4 when it fails. */
export const testCommand: Command = {
  name: "test",
  summary: "Test an integration's connection (token, permissions, a first read). Exit code 4 if it fails.",
  usage: "uslimato test <id> [--json]",
  options: {},
  positionals: { min: 1, max: 1 },
  run: (ctx) => import("./run-test").then((m) => m.runTest(ctx)),
};
