import { defineConfig, type Options } from "tsup";

/**
 * The one build shape every package shares: ESM + CJS + declarations for each entry point.
 * A package's `tsup.config.ts` calls this with its entry points.
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
    splitting: false,
    treeshake: true,
    // Keep `node:` specifiers: `node:sqlite` has no bare-name alias.
    removeNodeProtocol: false,
    ...overrides,
  });
}
