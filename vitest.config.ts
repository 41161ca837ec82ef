import { defineConfig } from "vitest/config";
import { SummaryLineReporter } from "./vitest.summary-reporter.ts";

/** One vitest run for the whole workspace, against package sources (the `@uslimato/source` condition). */
export default defineConfig({
  resolve: { conditions: ["@uslimato/source"] },
  ssr: { resolve: { conditions: ["@uslimato/source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "examples/*/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", new SummaryLineReporter()],
    typecheck: { enabled: false },
  },
});
