import { randomBytes } from "node:crypto";
import type { NewUser } from "@uslimato/core";
import { createConnection, createPool } from "mysql2/promise";
import { createMysqlStorage } from "../src/index";

/** What {@link benchMysqlUpserts} takes. */
export interface MysqlUpsertsInput {
  /** How many users to create. */
  users: number;
  /** Users per page (the runner uses 999). */
  batch: number;
  /** The server, without a database. Default `mysql://root@127.0.0.1:3306`. */
  server?: string;
}

/**
 * Creates `users` users (each with its link, as a sync does for new people) through `applyPage` in pages of
 * `batch`, in a fresh database dropped afterwards. Times only the pages, not the migration.
 */
export async function benchMysqlUpserts(input: MysqlUpsertsInput): Promise<{ upsertsPerSecond: number }> {
  const server = input.server ?? "mysql://root@127.0.0.1:3306";
  const name = `bench_${randomBytes(6).toString("hex")}`;
  const admin = await createConnection({ uri: server });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  const pool = createPool({ uri: `${server}/${name}`, connectionLimit: 2 });
  try {
    const storage = await createMysqlStorage({ pool });
    const started = performance.now();
    for (let offset = 0; offset < input.users; offset += input.batch) {
      const count = Math.min(input.batch, input.users - offset);
      const create: NewUser[] = Array.from({ length: count }, (_, i) => ({
        id: `user-${offset + i}`,
        email: `user-${offset + i}@bench.example`,
        displayName: `User ${offset + i}`,
        active: true,
        role: "viewer",
        attributes: { department: "Engineering", index: offset + i },
      }));
      const link = create.map((u) => ({ externalId: `ext-${u.id}`, userId: u.id }));
      await storage.directory.applyPage("bench", { users: { create, link } }, { offset });
    }
    const seconds = (performance.now() - started) / 1000;
    return { upsertsPerSecond: Math.round(input.users / seconds) };
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
