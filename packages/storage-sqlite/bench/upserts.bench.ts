import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { NewUser } from "@uslimato/core/storage";
import { createSqliteStorage } from "../src/index";

/**
 * Creates `users` linked users through `applyPage` in batches of `batch` (at most 999) into a fresh temp file and
 * reports the throughput. Called by the benchmark harness; run alone with
 * `node --conditions=@uslimato/source --import tsx packages/storage-sqlite/bench/upserts.bench.ts 100000`.
 */
export async function benchSqliteUpserts(options: {
  users: number;
  batch: number;
}): Promise<{ upsertsPerSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), "uslimato-bench-"));
  const storage = createSqliteStorage({ filename: join(dir, "bench.db") });
  const batchSize = Math.min(Math.max(1, options.batch), 999);
  try {
    const started = performance.now();
    for (let offset = 0; offset < options.users; offset += batchSize) {
      const create: NewUser[] = [];
      const link: Array<{ externalId: string; userId: string }> = [];
      for (let i = offset; i < Math.min(offset + batchSize, options.users); i++) {
        create.push({
          id: `u-${i}`,
          email: `user${i}@bench.example`,
          displayName: `User ${i}`,
          active: true,
          role: "viewer",
          attributes: { department: "Bench", index: i },
        });
        link.push({ externalId: `ext-${i}`, userId: `u-${i}` });
      }
      await storage.directory.applyPage("bench", { users: { create, link } }, { offset });
    }
    const seconds = (performance.now() - started) / 1000;
    return { upsertsPerSecond: Math.round(options.users / seconds) };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const users = Number(process.argv[2] ?? 100_000);
  const result = await benchSqliteUpserts({ users, batch: 999 });
  process.stdout.write(`${JSON.stringify({ users, ...result })}\n`);
}
