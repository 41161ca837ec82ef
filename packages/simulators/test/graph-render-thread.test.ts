import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createGraphModel, startGraphSimulator } from "../src/index";

const run = promisify(execFile);
const check = fileURLToPath(new URL("./fixtures/render-thread-check.mjs", import.meta.url));
const source = new URL("../src/index.ts", import.meta.url).href;
const built = new URL("../dist/index.js", import.meta.url);

/** Runs the check in a fresh Node process (worker threads need a loadable entry file, which vitest has not). */
async function runCheck(args: string[], module: string) {
  const { stdout } = await run(process.execPath, [...args, check, module], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
    renderThread: boolean;
    pages: number;
    same: boolean;
    sized: number;
  };
}

describe("users pages rendered on a worker thread", () => {
  it("render on the thread from TypeScript source under tsx, byte for byte the pages rendered on request", async () => {
    const result = await runCheck(["--import", "tsx", "--conditions=@uslimato/source"], source);
    expect(result).toEqual({ renderThread: true, pages: 12, same: true, sized: 11 });
  });

  it.skipIf(!existsSync(built))("render on the thread from the built package", async () => {
    const result = await runCheck([], built.href);
    expect(result).toEqual({ renderThread: true, pages: 12, same: true, sized: 11 });
  });

  it("fall back to the server's thread, with the same pages, where no worker can start", async () => {
    // vitest runs TypeScript without a loader worker threads could inherit, so the worker fails to load here
    const sim = await startGraphSimulator({ model: createGraphModel({ users: 1200, seed: 2 }), auth: false });
    const first = await fetch(`${sim.graphBaseUrl}/v1.0/users?$select=id&$top=600`);
    const next = ((await first.json()) as { "@odata.nextLink": string })["@odata.nextLink"];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await fetch(next);
    expect(second.headers.get("content-length")).not.toBeNull();
    expect(((await second.json()) as { value: unknown[] }).value).toHaveLength(600);
    expect(sim.renderThread).toBe(false);
    await sim.close();
  });
});
