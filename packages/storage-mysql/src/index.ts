/**
 * `@uslimato/storage-mysql`: the storage adapter for MySQL 8 and MariaDB 10.11 on `mysql2`: versioned migrations,
 * lock leases with fencing tokens checked in each page's transaction, multi-row upserts, binary collations on keys.
 *
 * @example
 * ```ts
 * import { createMysqlStorage } from "@uslimato/storage-mysql";
 * const storage = await createMysqlStorage({ uri: "mysql://root@127.0.0.1:3306/test" });
 * ```
 *
 * @module
 */

export type { MysqlStorage, MysqlStorageOptions } from "./create-mysql-storage";
export { createMysqlStorage } from "./create-mysql-storage";
export type { MigrationReport } from "./migrations/migrate-mysql";
