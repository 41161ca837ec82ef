import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runStorageConformance } from "@uslimato/core/testing";
import { afterAll } from "vitest";
import { createSqliteStorage } from "../src/index";

runStorageConformance({
  name: "sqlite :memory:",
  create: async () => createSqliteStorage({ filename: ":memory:" }),
});

const dir = mkdtempSync(join(tmpdir(), "uslimato-sqlite-"));
let n = 0;
runStorageConformance({
  name: "sqlite file",
  create: async () => createSqliteStorage({ filename: join(dir, `conformance-${++n}.db`) }),
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
