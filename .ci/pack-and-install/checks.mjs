// The checks run against the installed tarballs, once through `import` (check-esm.mjs) and once through
// `require` (check-cjs.cjs), each in a process of its own. `load(specifier)` loads a module the one way;
// every check then asks of the installed packages what a user's program would: one class per idea, whichever
// entry point it came through.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const here = process.cwd();
const requireHere = createRequire(join(here, "package.json"));

/** Entry points that cannot be loaded in a format, and why (the check then proves they fail that way only). */
const unloadable = { cjs: {}, esm: {} };

/** Every `@uslimato/*` dependency of the temporary project and the subpaths its exports map names. */
function entryPoints() {
  const project = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
  const entries = [];
  for (const name of Object.keys(project.dependencies).filter((dep) => dep.startsWith("@uslimato/"))) {
    const manifest = JSON.parse(readFileSync(requireHere.resolve(`${name}/package.json`), "utf8"));
    for (const subpath of Object.keys(manifest.exports ?? { ".": null })) {
      if (subpath.endsWith(".json")) continue;
      entries.push({ pkg: name, specifier: subpath === "." ? name : `${name}/${subpath.slice(2)}` });
    }
  }
  return entries;
}

function check(failures, ok, message) {
  if (!ok) failures.push(message);
}

/**
 * Runs every check with `load` ("esm": dynamic import, "cjs": require) and returns the failures (empty when
 * all pass).
 */
export async function runChecks(format, load) {
  const failures = [];
  const modules = new Map();
  for (const { pkg, specifier } of entryPoints()) {
    try {
      modules.set(specifier, { pkg, exports: await load(specifier) });
    } catch (error) {
      const expected = unloadable[format][specifier];
      if (!expected?.test(String(error?.message)))
        failures.push(`${specifier} does not load: ${error?.stack}`);
    }
  }

  // Identity: a name exported by two entries of one package is one value, not two copies.
  const byPackage = Map.groupBy([...modules], ([, { pkg }]) => pkg);
  for (const [pkg, entries] of byPackage) {
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const [aName, a] = entries[i];
        const [bName, b] = entries[j];
        for (const name of Object.keys(a.exports)) {
          if (name === "default" || !(name in b.exports)) continue;
          check(
            failures,
            a.exports[name] === b.exports[name],
            `${pkg}: ${name} differs in ${aName} and ${bName}`,
          );
        }
      }
    }
  }

  const core = modules.get("@uslimato/core")?.exports;
  check(failures, typeof core?.UslimatoError === "function", "@uslimato/core exports UslimatoError");

  // core root vs core/testing: the testing helpers make the root's classes.
  const testing = modules.get("@uslimato/core/testing")?.exports;
  if (testing) {
    const state = testing.createMemoryState();
    await state.put("token", "s3cret");
    check(
      failures,
      (await state.get("token")) instanceof core.Secret,
      "a Secret made by @uslimato/core/testing is instanceof Secret from @uslimato/core",
    );
    // The suites register with any runner, without vitest installed: a recording runner gets every case, and
    // the cases run (the memory adapter's first ones) with the suite's own assertExpect.
    const cases = [];
    const hooks = { beforeEach: [], afterEach: [] };
    const runner = {
      describe: (_name, body) => body(),
      it: (name, body) => cases.push({ name, body }),
      beforeEach: (body) => hooks.beforeEach.push(body),
      afterEach: (body) => hooks.afterEach.push(body),
    };
    testing.runStorageConformance({ name: "memory", create: async () => core.createMemoryStorage() }, runner);
    check(
      failures,
      cases.length >= 80,
      `runStorageConformance registers its cases (${cases.length}) with a given runner`,
    );
    for (const { name, body } of cases.slice(0, 5)) {
      try {
        for (const hook of hooks.beforeEach) await hook();
        await body();
        for (const hook of hooks.afterEach) await hook();
      } catch (error) {
        failures.push(`conformance case "${name}" fails on the memory adapter (${format}): ${error?.stack}`);
      }
    }
    let refused;
    try {
      testing.assertExpect(1).toBe(2);
    } catch (error) {
      refused = error;
    }
    check(
      failures,
      refused?.name === "AssertionError",
      "assertExpect throws an AssertionError on a failed match",
    );
  } else {
    check(failures, false, `@uslimato/core/testing loads through ${format === "cjs" ? "require" : "import"}`);
  }

  // core root vs core/connector: the connector entry's HTTP client throws the root's error classes.
  const connector = modules.get("@uslimato/core/connector")?.exports;
  check(failures, connector?.Secret === core.Secret, "Secret of @uslimato/core/connector is core's");
  let httpError;
  try {
    const http = connector.createHttpClient({
      retries: 0,
      fetch: async () => new Response("{}", { status: 404 }),
    });
    await http.request({ url: "https://hr.example/people" });
  } catch (error) {
    httpError = error;
  }
  check(
    failures,
    httpError instanceof connector.HttpError && httpError instanceof core.CoreError,
    "an HttpError from @uslimato/core/connector's client is instanceof CoreError from @uslimato/core",
  );
  check(
    failures,
    httpError instanceof connector.UslimatoError && httpError instanceof core.UslimatoError,
    "an HttpError is instanceof UslimatoError from @uslimato/core/connector and @uslimato/core",
  );

  // core root vs core/storage: the root's memory adapter throws the storage entry's CoreError.
  const storage = modules.get("@uslimato/core/storage")?.exports;
  const memory = core.createMemoryStorage();
  const record = { id: "i1", tenantId: "t1", connectorId: "fake", name: "x", revision: 1 };
  let conflict;
  try {
    await memory.integrations.insert(record);
    await memory.integrations.insert(record);
  } catch (error) {
    conflict = error;
  }
  check(
    failures,
    conflict instanceof storage.CoreError && storage.isUslimatoError(conflict, "STORAGE_CONFLICT"),
    "a conflict from @uslimato/core's memory storage is a CoreError of @uslimato/core/storage",
  );

  // scheduler root vs scheduler/pg-boss: one SchedulerError, itself a core UslimatoError.
  const scheduler = modules.get("@uslimato/scheduler")?.exports;
  const pgBoss = modules.get("@uslimato/scheduler/pg-boss")?.exports;
  let thrown;
  try {
    pgBoss.createPgBossScheduler({});
  } catch (error) {
    thrown = error;
  }
  check(failures, thrown !== undefined, "createPgBossScheduler({}) throws");
  check(
    failures,
    thrown instanceof scheduler.SchedulerError,
    "an error thrown by @uslimato/scheduler/pg-boss is instanceof SchedulerError from @uslimato/scheduler",
  );
  check(
    failures,
    thrown instanceof core.UslimatoError,
    "a SchedulerError is instanceof UslimatoError from core",
  );

  // simulators: the render worker is found beside the built files and serves the same pages.
  const { startGraphSimulator } = modules.get("@uslimato/simulators").exports;
  const sim = await startGraphSimulator({ modelOptions: { users: 1200, seed: 3 }, auth: false });
  try {
    let url = `${sim.graphBaseUrl}/v1.0/users?$select=id,displayName&$top=500`;
    let users = 0;
    while (url) {
      const page = await (await fetch(url)).json();
      users += page.value.length;
      url = page["@odata.nextLink"];
    }
    check(failures, users === 1200, `the simulator pages through 1200 users (got ${users})`);
    check(failures, sim.renderThread === true, "the simulator renders pages on its worker thread");
  } finally {
    await sim.close();
  }
  return failures;
}

/** Runs the checks, prints one line (or the failures) and sets the exit code. */
export async function main(format, load) {
  const failures = await runChecks(format, load);
  if (failures.length > 0) {
    console.error(`pack-and-install (${format}, node ${process.version}): ${failures.length} failed`);
    for (const failure of failures) console.error(`  - ${failure}`);
    process.exitCode = 1;
  } else {
    console.log(`pack-and-install (${format}, node ${process.version}): all checks passed`);
  }
}
