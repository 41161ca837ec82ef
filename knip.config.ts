import type { KnipConfig } from "knip";

/**
 * Unused files, dependencies and exports across the workspace (`pnpm check:unused`, in CI). Each package's
 * entry points come from its `exports` and `bin` (so what a package deliberately publishes is never "unused");
 * the entries below are what runs by path instead: CI scripts, child-process modules, measurement scripts.
 */
const config: KnipConfig = {
  // A type exported beside the interface that uses it is part of that interface's contract.
  ignoreExportsUsedInFile: { interface: true, type: true },
  // The SAP simulator's mTLS tests make their certificates with the system's openssl at test time.
  ignoreBinaries: ["openssl"],
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
    "packages/cli": {
      // The admin console's ES modules load in the browser from console/index.html.
      entry: ["bin/*.mjs", "README.md", "console/app.js"],
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
    // An export nothing imports is a promise nobody asked for: delete it or take `export` off. Deliberately public
    // API that only its own tests use is tagged `@public` in its TSDoc.
    exports: "error",
    types: "error",
  },
};

export default config;
