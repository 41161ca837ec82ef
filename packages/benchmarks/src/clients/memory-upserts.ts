import { createMemoryStorage } from "@uslimato/core";
import type { NewUser } from "@uslimato/core/storage";

/** User upserts per second into the memory adapter in batches of `batch`, like the SQLite and PostgreSQL benches. */
export async function memoryUpserts({ users, batch }: { users: number; batch: number }): Promise<{
  upsertsPerSecond: number;
}> {
  const storage = createMemoryStorage();
  const started = performance.now();
  for (let offset = 0; offset < users; offset += batch) {
    const create: NewUser[] = [];
    const link: Array<{ externalId: string; userId: string }> = [];
    for (let i = offset; i < Math.min(offset + batch, users); i += 1) {
      const attributes = { department: "Bench", index: i };
      create.push({
        id: `u-${i}`,
        email: `user${i}@bench.example`,
        displayName: `User ${i}`,
        active: true,
        role: "viewer",
        attributes,
      });
      link.push({ externalId: `ext-${i}`, userId: `u-${i}` });
    }
    await storage.directory.applyPage("bench", { users: { create, link } }, { offset });
  }
  return { upsertsPerSecond: Math.round((users / (performance.now() - started)) * 1000) };
}
