/** Command-line options of `pnpm bench`. */
export interface BenchOptions {
  /** `--quick`: small sizes, 3 runs + 1 warm-up, under two minutes. */
  quick: boolean;
  /** `--json`: also write `bench-results.json` at the repository root. */
  json: boolean;
  /** `--no-docs`: write nothing to docs/ (no results file, no latest figures in docs/benchmarks.md). */
  docs: boolean;
  /** `--only=a,b`: run only suites whose id contains one of these words. */
  only: string[];
  /** `--runs=N`: measured runs per case (default 3 quick, 5 full). */
  runs: number;
  /** `--warmups=N`: warm-up runs per case (default 1). */
  warmups: number;
  /** `--delay=MS`: Graph's latency per page in the latency suites (default 300 ms, 100 ms with `--quick`). */
  delayMs: number;
}

/** Parses `pnpm bench` flags; unknown flags are an error, so a typo does not silently run the full suite. */
export function parseOptions(argv: ReadonlyArray<string>): BenchOptions {
  const flags = argv.filter((a) => a !== "--");
  const value = (name: string) => flags.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const known = /^--(quick|json|no-docs|only=.+|runs=\d+|warmups=\d+|delay=\d+)$/;
  const unknown = flags.filter((a) => !known.test(a));
  if (unknown.length > 0) throw new Error(`unknown option(s): ${unknown.join(" ")}`);
  const quick = flags.includes("--quick");
  return {
    quick,
    json: flags.includes("--json"),
    docs: !flags.includes("--no-docs"),
    only: value("only")?.split(",").filter(Boolean) ?? [],
    runs: Number(value("runs") ?? (quick ? 3 : 5)),
    warmups: Number(value("warmups") ?? 1),
    delayMs: Number(value("delay") ?? (quick ? 100 : 300)),
  };
}
