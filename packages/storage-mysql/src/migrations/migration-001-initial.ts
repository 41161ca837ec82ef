import type { MysqlMigration } from "./mysql-migration";

/**
 * Every table. Keys are `utf8mb4` with a binary, no-pad collation (external ids and emails compare byte for byte:
 * `A` is not `a`, `é` is not `e`, `x ` is not `x`). Dates are epoch milliseconds, JSON is text.
 */
export const migration001Initial: MysqlMigration = {
  version: 1,
  name: "initial",
  statements: (t, table) => [
    `CREATE TABLE IF NOT EXISTS ${t.integrations} (
      id VARCHAR(128) NOT NULL PRIMARY KEY, tenant_id VARCHAR(255) NOT NULL, connector_id VARCHAR(128) NOT NULL,
      name TEXT NOT NULL, settings LONGTEXT NOT NULL, direction VARCHAR(32) NOT NULL, interval_minutes INT NOT NULL,
      mappings LONGTEXT NOT NULL, enabled TINYINT NOT NULL, guard LONGTEXT NULL, created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL, revision INT NOT NULL,
      KEY by_tenant (tenant_id, connector_id)) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.secrets} (
      integration_id VARCHAR(128) NOT NULL, name VARCHAR(255) NOT NULL, tenant_id VARCHAR(255) NOT NULL,
      key_id VARCHAR(255) NOT NULL, envelope LONGTEXT NOT NULL, updated_at BIGINT NOT NULL,
      PRIMARY KEY (integration_id, name), KEY by_key (key_id, integration_id, name)) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.checkpoints} (
      integration_id VARCHAR(128) NOT NULL PRIMARY KEY, value LONGTEXT NOT NULL, updated_at BIGINT NOT NULL) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.syncLogs} (
      id VARCHAR(128) NOT NULL PRIMARY KEY, integration_id VARCHAR(128) NOT NULL, started_at BIGINT NOT NULL,
      body LONGTEXT NOT NULL, KEY by_integration (integration_id, started_at)) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.audit} (
      seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, id VARCHAR(128) NOT NULL, tenant_id VARCHAR(255) NOT NULL,
      integration_id VARCHAR(128) NULL, at BIGINT NOT NULL, body LONGTEXT NOT NULL,
      KEY by_tenant (tenant_id, at), KEY by_integration (integration_id, at), KEY by_at (at)) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.locks} (
      name VARCHAR(255) NOT NULL PRIMARY KEY, token BIGINT NOT NULL, owner VARCHAR(64) NOT NULL,
      expires_at BIGINT NOT NULL) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.users} (
      id VARCHAR(128) NOT NULL PRIMARY KEY, email VARCHAR(320) NOT NULL, display_name TEXT NULL,
      active TINYINT NOT NULL, role VARCHAR(64) NOT NULL, hge_id_account_id VARCHAR(255) NULL,
      attributes LONGTEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
      UNIQUE KEY by_email (email)) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.links} (
      integration_id VARCHAR(128) NOT NULL, external_id VARCHAR(255) NOT NULL, user_id VARCHAR(128) NOT NULL,
      pending TINYINT NOT NULL DEFAULT 0, reported_active TINYINT NOT NULL DEFAULT 1, seen_sweep VARCHAR(128) NULL,
      PRIMARY KEY (integration_id, external_id), KEY by_user (user_id, integration_id),
      KEY by_pending (integration_id, pending)) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.groups} (
      integration_id VARCHAR(128) NOT NULL, external_id VARCHAR(255) NOT NULL, display_name TEXT NULL,
      description TEXT NULL, attributes LONGTEXT NOT NULL, removed TINYINT NOT NULL DEFAULT 0,
      seen_sweep VARCHAR(128) NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (integration_id, external_id)) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.memberships} (
      integration_id VARCHAR(128) NOT NULL, group_external_id VARCHAR(255) NOT NULL,
      user_external_id VARCHAR(255) NOT NULL,
      PRIMARY KEY (integration_id, group_external_id, user_external_id)) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.records} (
      integration_id VARCHAR(128) NOT NULL, kind VARCHAR(16) NOT NULL, external_id VARCHAR(255) NOT NULL,
      tenant_id VARCHAR(255) NULL, data LONGTEXT NOT NULL, owner_email VARCHAR(320) NULL,
      owner_external_id VARCHAR(255) NULL, owner_source VARCHAR(128) NULL, owner_user_id VARCHAR(128) NULL,
      removed TINYINT NOT NULL DEFAULT 0, pending_removal TINYINT NOT NULL DEFAULT 0, seen_sweep VARCHAR(128) NULL,
      updated_at BIGINT NOT NULL, PRIMARY KEY (integration_id, kind, external_id),
      KEY by_owner (owner_user_id, integration_id, kind, external_id),
      KEY waiting_by_link (tenant_id, owner_source, owner_external_id, owner_user_id),
      KEY waiting_by_email (owner_email, owner_user_id)) ${table}`,
    `CREATE TABLE IF NOT EXISTS ${t.sweeps} (
      integration_id VARCHAR(128) NOT NULL, kind VARCHAR(16) NOT NULL, sweep_id VARCHAR(128) NOT NULL,
      token BIGINT NOT NULL, finished TINYINT NOT NULL, PRIMARY KEY (integration_id, kind)) ${table}`,
  ],
};
