/**
 * Regex worst cases: how long one `Replace` evaluation takes for hostile patterns on the longest texts that
 * `regexLimits` lets through (the polynomial pattern of issue 15, and the largest program the size cap
 * allows), plus the per-record cost of an everyday pattern.
 *
 * Standalone: `pnpm tsx --conditions=@uslimato/source packages/field-mapping/bench/regex.bench.ts`
 */

import { pathToFileURL } from "node:url";
import { compileMapping, regexLimits } from "../src/index";

/** One measured case: the median and the slowest of several evaluations, in milliseconds. */
export interface RegexBenchResult {
  case: string;
  textLength: number;
  medianMs: number;
  worstMs: number;
}

function timings(pattern: string, text: string, runs = 7): { medianMs: number; worstMs: number } {
  const mapping = compileMapping({
    version: 1,
    rules: [{ target: "x", source: `Replace([s], ${JSON.stringify(pattern)}, "")` }],
  });
  mapping.map({ s: text }, { mode: "create" });
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = mapping.map({ s: text }, { mode: "create" });
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.errors.length > 0) throw new Error(`${pattern}: ${result.errors[0]?.message}`);
  }
  ms.sort((a, b) => a - b);
  const round = (n: number) => Number(n.toFixed(2));
  return { medianMs: round(ms[Math.floor(runs / 2)] ?? 0), worstMs: round(ms.at(-1) ?? 0) };
}

/** Runs the worst cases; each text is as long as the work budget allows for its pattern. */
export function runRegexBench(): RegexBenchResult[] {
  const cases: [name: string, pattern: string, size: number, text: (n: number) => string][] = [
    [
      "polynomial \\d*\\d*\\d*\\d*\\d*\\d*x, no match",
      String.raw`\d*\d*\d*\d*\d*\d*x`,
      15,
      (n) => `${"1".repeat(n - 2)} x`,
    ],
    [
      "polynomial with groups, match at the end",
      String.raw`(\d*)(\d*)(\d*)(\d*)(\d*)(\d*)x`,
      27,
      (n) => `${"1".repeat(n - 1)}x`,
    ],
    [
      "largest program (\\w{1,490})x, no match",
      String.raw`(\w{1,490})x`,
      984,
      (n) => `${"1".repeat(n - 2)} x`,
    ],
    [
      "everyday [^a-z0-9.@-], 64-char text",
      "[^a-z0-9.@-]",
      0,
      () => "Adele.Vance+ops@contoso.onmicrosoft.com with some trailing words",
    ],
  ];
  return cases.map(([name, pattern, size, text]) => {
    const s = text(size === 0 ? 64 : Math.floor(regexLimits.maxWork / (size + regexLimits.perCharacterCost)));
    return { case: name, textLength: s.length, ...timings(pattern, s) };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`regex worst cases, node ${process.version}\n`);
  for (const r of runRegexBench()) {
    process.stdout.write(
      `${r.case.padEnd(48)} ${String(r.textLength).padStart(7)} chars  median ${r.medianMs} ms, worst ${r.worstMs} ms\n`,
    );
  }
}
