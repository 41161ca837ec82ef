/**
 * Type-checks every TypeScript snippet in the docs and READMEs: each ```ts block becomes a module in
 * .ci/.snippets/, compiled against the workspace sources with the names in snippet-globals.d.ts in scope
 * (so a fragment may use `hub` or `vault` without building them first). Run with `pnpm check:docs`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const out = join(root, ".ci", ".snippets");

function markdownFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name === "api" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...markdownFiles(path));
    else if (name.endsWith(".md")) files.push(path);
  }
  return files;
}

const sources = [
  join(root, "README.md"),
  ...markdownFiles(join(root, "docs")),
  ...readdirSync(join(root, "packages")).map((p) => join(root, "packages", p, "README.md")),
  ...readdirSync(join(root, "examples")).map((p) => join(root, "examples", p, "README.md")),
].filter((file) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
});

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let count = 0;
for (const file of sources) {
  const text = readFileSync(file, "utf8");
  const blocks = [...text.matchAll(/^```(?:ts|typescript)\s*\n([\s\S]*?)^```/gm)];
  blocks.forEach((match, i) => {
    const slug = relative(root, file).replace(/[^a-zA-Z0-9]+/g, "_");
    writeFileSync(
      join(out, `${slug}__${i + 1}.ts`),
      `// ${relative(root, file)}, snippet ${i + 1}\n${match[1]}\nexport {};\n`,
    );
    count++;
  });
}
writeFileSync(
  join(out, "tsconfig.json"),
  JSON.stringify(
    {
      extends: "../../tsconfig.json",
      compilerOptions: { noUnusedLocals: false },
      include: ["*.ts", "../snippet-globals.d.ts"],
    },
    null,
    2,
  ),
);
try {
  execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(out, "tsconfig.json"), "--noEmit"], {
    stdio: "inherit",
  });
  console.log(`check-snippets: ${count} snippets from ${sources.length} files type-check`);
} catch {
  console.error(`check-snippets: snippets in ${basename(out)} failed to type-check (see above)`);
  process.exit(1);
}
