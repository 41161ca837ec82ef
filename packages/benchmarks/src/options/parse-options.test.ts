import { describe, expect, it } from "vitest";
import { parseOptions } from "./parse-options";

describe("parseOptions", () => {
  it("defaults to the full run: 5 runs and 1 warm-up, docs appended, no JSON", () => {
    expect(parseOptions([])).toEqual({
      quick: false,
      json: false,
      docs: true,
      only: [],
      runs: 5,
      warmups: 1,
      delayMs: 300,
    });
  });

  it("reads --quick, --json, --only and the `--` pnpm may forward", () => {
    const options = parseOptions(["--", "--quick", "--json", "--only=delta,memory"]);
    expect(options).toMatchObject({ quick: true, json: true, runs: 3, only: ["delta", "memory"] });
  });

  it("reads Graph's latency per page, shorter with --quick", () => {
    expect(parseOptions(["--delay=120"]).delayMs).toBe(120);
    expect(parseOptions(["--quick"]).delayMs).toBe(100);
    expect(parseOptions(["--quick", "--delay=0"]).delayMs).toBe(0);
  });

  it("rejects an unknown flag instead of silently running the full suite", () => {
    expect(() => parseOptions(["--quik"])).toThrow(/unknown option/);
  });
});
