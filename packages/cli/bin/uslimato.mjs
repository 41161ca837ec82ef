#!/usr/bin/env node
// The `uslimato` command. Installed from npm it runs the built dist/bin.js. In a clone of the repository
// before the first `pnpm build` there is no dist/: it then runs src/bin.ts through tsx, resolving workspace
// packages by the `@uslimato/source` condition (each from its sources), as `pnpm uslimato` does.
import { existsSync } from "node:fs";

const built = new URL("../dist/bin.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  let tsx;
  try {
    tsx = await import(import.meta.resolve("tsx/esm/api"));
  } catch {
    process.stderr.write("uslimato: dist/ is missing and tsx is not installed; run `pnpm build` first\n");
    process.exit(1);
  }
  tsx.register();
  // Registered after tsx, so it runs first: adds the condition, then hands on to tsx's resolve.
  const sourceCondition = `export const resolve = (specifier, context, next) =>
    next(specifier, { ...context, conditions: [...context.conditions, "@uslimato/source"] });`;
  const { register } = await import("node:module");
  register(`data:text/javascript,${encodeURIComponent(sourceCondition)}`);
  await import(new URL("../src/bin.ts", import.meta.url).href);
}
