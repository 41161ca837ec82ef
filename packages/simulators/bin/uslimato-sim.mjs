#!/usr/bin/env node
// The `uslimato-sim` command. Installed from npm it runs the built dist/cli.js. In a clone of the repository
// before the first `pnpm build` there is no dist/: it then runs src/cli.ts through tsx, resolving workspace
// packages by the `@uslimato/source` condition (each from its sources).
import { existsSync } from "node:fs";

const built = new URL("../dist/cli.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  let tsx;
  try {
    tsx = await import(import.meta.resolve("tsx/esm/api"));
  } catch {
    process.stderr.write("uslimato-sim: dist/ is missing and tsx is not installed; run `pnpm build` first\n");
    process.exit(1);
  }
  tsx.register();
  // Registered after tsx, so it runs first: adds the condition, then hands on to tsx's resolve.
  const sourceCondition = `export const resolve = (specifier, context, next) =>
    next(specifier, { ...context, conditions: [...context.conditions, "@uslimato/source"] });`;
  const { register } = await import("node:module");
  register(`data:text/javascript,${encodeURIComponent(sourceCondition)}`);
  await import(new URL("../src/cli.ts", import.meta.url).href);
}
