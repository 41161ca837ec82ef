import { defineConfig, type Options } from "tsup";

/**
 * The one build shape every package shares: ESM + CJS + declarations for each entry point.
 * A package's `tsup.config.ts` calls this with its entry points.
 *
 * `splitting: true` in both formats makes each package one module graph: code two entries share (an error
 * class, `Secret`, `createHub`) lands in one chunk both import, so `@uslimato/scheduler/pg-boss` throws the
 * `SchedulerError` of `@uslimato/scheduler`, not a copy. `pnpm check:installed` proves it on the packed files.
 */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node22",
    platform: "node",
    splitting: true,
    treeshake: true,
    // Keep `node:` specifiers: `node:sqlite` has no bare-name alias.
    removeNodeProtocol: false,
    ...overrides,
  });
}
