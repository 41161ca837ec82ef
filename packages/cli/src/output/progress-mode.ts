import type { OutputStream } from "../cli/cli-io";

/** `silent` for `--json`, a redrawn `bar` on a terminal, plain `lines` otherwise (CI, pipes). */
export function progressMode(stream: OutputStream, json: boolean): "bar" | "lines" | "silent" {
  if (json) return "silent";
  return stream.isTTY ? "bar" : "lines";
}
