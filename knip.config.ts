import type { KnipConfig } from "knip";

/**
 * Unused files, dependencies and exports across the workspace (`pnpm check:unused`, in CI). Each package's
 * entry points come from its `exports` and `bin` (so what a package deliberately publishes is never "unused");
 * the entries below are what runs by path instead: CI scripts, child-process modules, measurement scripts.
 */
const config: KnipConfig = {
  // A type exported beside the interface that uses it is part of that interface's contract.
  ignoreExportsUsedInFile: { interface: true, type: true },
  workspaces: {
    ".": {
      // The docs' snippets count as code of the root, which `pnpm check:docs` compiles them from.
      entry: [".ci/pack-and-install/*.{ts,mjs,cjs}", "README.md", "docs/**/*.md"],
      ignore: [".changeset/**"],
      // The root links every package for its bins (`pnpm exec uslimato`, `npx uslimato-sim`) and for the package
      // READMEs' snippets, which `pnpm check:docs` compiles from here too.
      ignoreDependencies: ["@uslimato/*"],
    },
    "packages/*": {
      entry: ["bin/*.mjs", "scripts/*.ts", "bench/*.ts", "test/node-test/*.ts", "README.md"],
    },
    "packages/benchmarks": {
      // src/main.ts runs each client in a child process by file path (clients/client-module.ts).
      entry: ["src/clients/*.ts", "README.md"],
      // The peer that @uslimato/scheduler/pg-boss loads: installed here for the scheduler suite.
      ignoreDependencies: ["pg-boss"],
    },
    "examples/*": { entry: ["README.md"] },
  },
  compilers: {
    // The TypeScript snippets of a Markdown page, as one module.
    md: (text: string) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]).join("\n"),
  },
  rules: {
    // Printed, not failing, while the packages' public surfaces are being reshaped (issue 16): the findings go
    // to whoever owns each file; set both back to "error" once they are settled.
    exports: "warn",
    types: "warn",
  },
};

export default config;
