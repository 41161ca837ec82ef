import { benchPostgresUpserts } from "./upserts.bench";

/** `pnpm bench` in this package: 100,000 users in pages of 999 (override with USERS and DATABASE_URL). */
const users = Number(process.env["USERS"] ?? 100_000);
const { upsertsPerSecond } = await benchPostgresUpserts({
  users,
  batch: 999,
  connectionString: process.env["DATABASE_URL"],
});
process.stdout.write(`PostgreSQL: ${users} users in pages of 999: ${upsertsPerSecond} upserts/s\n`);
