import type { Command } from "../cli/command";

/** `uslimato sync <id>`: runs a sync now with a progress bar, then prints its log. Exit 1 if it failed. */
export const syncCommand: Command = {
  name: "sync",
  summary:
    "Run a sync now (progress bar: pages, users, users/s), then print its log. Exit code 1 if it failed.",
  usage: `uslimato sync <id> [--full] [--confirm-deactivations] [--json]

  --full                    forget the checkpoint and read everything (a full resync)
  --confirm-deactivations   apply deactivations even above the mass-deactivation guard`,
  options: {
    full: { type: "boolean" },
    "confirm-deactivations": { type: "boolean" },
  },
  positionals: { min: 1, max: 1 },
  run: (ctx) => import("./run-sync").then((m) => m.runSync(ctx)),
};
