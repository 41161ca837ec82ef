import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const recorder = fileURLToPath(new URL("./fixtures/record-loads.mjs", import.meta.url));

/** Runs the binary from source and returns its stdout and every module specifier it resolved. */
const runBin = async (args: string[]) => {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    // tsx as a loader in this process (its CLI would run the script in a child the recorder does not see).
    ["--import", recorder, "--import", "tsx", "--conditions=@uslimato/source", "src/bin.ts", ...args],
    { cwd: root, timeout: 30_000 },
  );
  const loaded = JSON.parse(/LOADED (.*)\n/.exec(stderr)?.[1] ?? "[]") as string[];
  return { stdout, loaded };
};

const HEAVY = [
  "@uslimato/core",
  "@uslimato/credential-store",
  "msw",
  "pg",
  "node:sqlite",
  "@azure/msal-node",
  "@uslimato/simulators",
  "@uslimato/storage-postgres",
  "@uslimato/storage-sqlite",
  "@uslimato/connector-entra",
  "@uslimato/msgraph",
  "@uslimato/scheduler",
];

describe("uslimato loads a command's code only when it runs (issue 16)", () => {
  it("--help and <command> --help load no connector, storage driver, msal or simulator", async () => {
    for (const args of [["--help"], ["sync", "--help"], ["integrations", "add", "-h"]]) {
      const { stdout, loaded } = await runBin(args);
      expect(stdout).toContain("Exit codes:");
      expect(loaded.length).toBeGreaterThan(0);
      expect(loaded.filter((s) => HEAVY.includes(s))).toEqual([]);
    }
  });
});
