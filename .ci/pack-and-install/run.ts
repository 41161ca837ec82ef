/**
 * The built packages as a user gets them: packs every published package (`pnpm pack`, so `workspace:*`
 * becomes a version and `files` decides what ships), installs the tarballs with npm into a temporary project
 * (their third-party dependencies come from the registry), then checks, in ESM and in CJS, that each package
 * is one module graph: a class is the same whichever entry point it came through (core root vs
 * core/connector, core/storage and core/testing, scheduler root vs scheduler/pg-boss), no class is bundled
 * into two files of one package, the simulator's render worker runs from the installed files, `uslimato demo`
 * runs, the `uslimato` and `uslimato-sim` bins start, and every tarball carries the repository's LICENSE.
 *
 * Run after `pnpm build`: `pnpm check:installed [--node <path of another node binary>]...`; every check runs
 * with this process's node and with each `--node` given (CI adds the lowest supported Node).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..", "..");
const here = join(root, ".ci", "pack-and-install");

interface Manifest {
  name: string;
  private?: boolean;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const readJson = (file: string): Manifest => JSON.parse(readFileSync(file, "utf8")) as Manifest;

const nodes = [process.execPath];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === "--node" && process.argv[i + 1]) nodes.push(process.argv[++i]!);
}

const published = readdirSync(join(root, "packages"))
  .map((dir) => ({
    dir: join(root, "packages", dir),
    manifest: readJson(join(root, "packages", dir, "package.json")),
  }))
  .filter(({ manifest }) => !manifest.private);

const work = mkdtempSync(join(tmpdir(), "uslimato-pack-"));
const tarballs = join(work, "tarballs");
const project = join(work, "project");
const failures: string[] = [];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Class declarations per built file: a name in two files of one package and format is a copied class. */
function duplicatedClasses(packageDir: string): string[] {
  const dist = join(packageDir, "dist");
  const found: string[] = [];
  for (const extension of [".js", ".cjs"]) {
    const owners = new Map<string, string[]>();
    for (const file of readdirSync(dist).filter((name) => name.endsWith(extension))) {
      const code = readFileSync(join(dist, file), "utf8");
      for (const match of code.matchAll(
        /\bclass\s+([A-Za-z_$][\w$]*)|\b(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*class\b/g,
      )) {
        const name = match[1] ?? match[2]!;
        const files = owners.get(name) ?? [];
        if (!files.includes(file)) files.push(file);
        owners.set(name, files);
      }
    }
    for (const [name, files] of owners)
      if (files.length > 1) found.push(`class ${name} in ${files.join(", ")}`);
  }
  return found;
}

try {
  const started = Date.now();
  const filters = published.flatMap(({ manifest }) => ["--filter", manifest.name]);
  run("pnpm", [...filters, "-r", "pack", "--pack-destination", tarballs], root);
  const files = readdirSync(tarballs).filter((name) => name.endsWith(".tgz"));
  const tarballOf = (name: string): string => {
    const file = files.find((candidate) =>
      candidate.startsWith(`${name.replace("@", "").replace("/", "-")}-`),
    );
    if (!file) throw new Error(`no tarball for ${name}`);
    return `file:${join(tarballs, file)}`;
  };

  // The optional peers the entries need: pg-boss for scheduler/pg-boss. No vitest: core/testing must load without it.
  const scheduler = readJson(join(root, "packages", "scheduler", "package.json"));
  const dependencies: Record<string, string> = {
    "pg-boss": scheduler.devDependencies!["pg-boss"]!,
  };
  for (const { manifest } of published) dependencies[manifest.name] = tarballOf(manifest.name);

  cpSync(here, project, { recursive: true, filter: (source) => !source.endsWith(".ts") });
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "installed-check", private: true, dependencies }, null, 2)}\n`,
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], project);
  console.log(
    `pack-and-install: ${files.length} tarballs packed and installed in ${Date.now() - started} ms`,
  );

  const license = readFileSync(join(root, "LICENSE"), "utf8");
  for (const { manifest } of published) {
    const installed = join(project, "node_modules", manifest.name, "LICENSE");
    if (!existsSync(installed) || readFileSync(installed, "utf8") !== license) {
      failures.push(`${manifest.name}: the tarball has no LICENSE, or not the repository's`);
    }
    for (const duplicate of duplicatedClasses(join(project, "node_modules", manifest.name))) {
      failures.push(`${manifest.name}: ${duplicate}`);
    }
  }

  const bins = published.flatMap(({ manifest }) => Object.keys(manifest.bin ?? {}));
  for (const node of nodes) {
    const env = { ...process.env, PATH: `${dirname(node)}:${process.env["PATH"]}`, NO_COLOR: "1" };
    for (const check of ["check-esm.mjs", "check-cjs.cjs"]) {
      try {
        process.stdout.write(run(node, [check], project, env));
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        failures.push(`${check} with ${node}:\n${stdout ?? ""}${stderr ?? String(error)}`);
      }
    }
    // The main job end to end on the installed files: simulator, connector, SQLite store, webhooks.
    try {
      run(join(project, "node_modules", ".bin", "uslimato"), ["demo", "--users", "500"], project, env);
      console.log(
        `pack-and-install: uslimato demo --users 500 (node ${run(node, ["--version"], project).trim()}) ok`,
      );
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      failures.push(`uslimato demo with ${node} failed:\n${stdout ?? ""}${stderr ?? String(error)}`);
    }
    for (const bin of bins) {
      try {
        const help = run(join(project, "node_modules", ".bin", bin), ["--help"], project, env);
        if (!help.includes(bin)) failures.push(`${bin} --help with ${node} printed no help:\n${help}`);
        else
          console.log(
            `pack-and-install: ${bin} --help (node ${run(node, ["--version"], project).trim()}) ok`,
          );
      } catch (error) {
        failures.push(`${bin} --help with ${node} failed: ${(error as { stderr?: string }).stderr ?? error}`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`pack-and-install: ${failures.length} failed`);
  for (const failure of failures) console.error(`- ${failure}`);
  process.exit(1);
}
console.log("pack-and-install: every check passed");
