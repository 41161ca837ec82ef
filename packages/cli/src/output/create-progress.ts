import type { SyncProgress } from "@uslimato/core";
import type { OutputStream } from "../cli/cli-io";
import { type Colors, createColors } from "./colors";
import { formatNumber } from "./format-number";

/** Shows a running sync: a redrawn bar on a terminal, plain lines otherwise, nothing when silent. */
export interface ProgressReporter {
  update(progress: SyncProgress): void;
  /** Draws the last state and ends the line. */
  done(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  stream: OutputStream;
  colors: Colors;
  /** Users expected, when known (the bar then shows a percentage). */
  total?: number;
  /** What is counted. Default `users` (`devices` for an Intune sync). */
  noun?: string;
  /** `bar` on a TTY, `lines` in CI, `silent` for `--json`. */
  mode: "bar" | "lines" | "silent";
  /** Least time between two plain lines. Default 1000 ms. */
  lineEveryMs?: number;
  now?: () => number;
}

const BAR_WIDTH = 28;

/**
 * The text of one progress state: pages, users, users/s (or another `noun`), and a percentage, with a bar if asked,
 * when the total is known.
 */
export function describeProgress(
  progress: SyncProgress,
  colors: Colors,
  total?: number,
  withBar = true,
  noun = "users",
): string {
  const users = progress.counts.processed;
  const rate = progress.elapsedMs > 0 ? (users * 1000) / progress.elapsedMs : 0;
  const facts = `pages ${formatNumber(progress.pages)}  ${noun} ${formatNumber(users)}${
    total ? `/${formatNumber(total)}` : ""
  }  ${formatNumber(rate)} ${noun}/s`;
  if (!total) return facts;
  const ratio = Math.min(1, users / total);
  if (!withBar) return `${String(Math.floor(ratio * 100)).padStart(3)}%  ${facts}`;
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = colors.green("█".repeat(filled)) + colors.dim("░".repeat(BAR_WIDTH - filled));
  return `${bar} ${String(Math.floor(ratio * 100)).padStart(3)}%  ${facts}`;
}

/** A {@link ProgressReporter} for the given output mode. */
export function createProgress(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const every = options.lineEveryMs ?? 1000;
  let last: SyncProgress | undefined;
  let lastLineAt = Number.NEGATIVE_INFINITY;
  let printed: SyncProgress | undefined;
  const plain = createColors(false);
  // A redrawn line must fit the terminal (a wrapped one cannot be erased): drop the bar when it would not.
  const fits = (p: SyncProgress) =>
    !options.stream.columns ||
    describeProgress(p, plain, options.total, true, options.noun).length + 2 < options.stream.columns;
  const text = (p: SyncProgress) =>
    describeProgress(p, options.colors, options.total, options.mode === "bar" && fits(p), options.noun);
  return {
    update(progress) {
      last = progress;
      if (options.mode === "bar") options.stream.write(`\r\u001b[2K  ${text(progress)}`);
      else if (options.mode === "lines" && now() - lastLineAt >= every) {
        lastLineAt = now();
        printed = progress;
        options.stream.write(`  ${text(progress)}\n`);
      }
    },
    done() {
      if (!last) return;
      if (options.mode === "bar") options.stream.write(`\r\u001b[2K  ${text(last)}\n`);
      else if (options.mode === "lines" && printed !== last) options.stream.write(`  ${text(last)}\n`);
    },
  };
}
