/** One forward-only schema step. Versions are consecutive from 1 and never change once released. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Append new ones; never edit a released one. */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: "initial schema",
    sql: `
      CREATE TABLE integrations (
        id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, connector_id TEXT NOT NULL, name TEXT NOT NULL,
        settings TEXT NOT NULL, direction TEXT NOT NULL, interval_minutes INTEGER NOT NULL, mappings TEXT NOT NULL,
        enabled INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, revision INTEGER NOT NULL
      );
      CREATE TABLE secrets (
        integration_id TEXT NOT NULL, name TEXT NOT NULL, tenant_id TEXT NOT NULL, key_id TEXT NOT NULL,
        envelope TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (integration_id, name)
      ) WITHOUT ROWID;
      CREATE INDEX secrets_by_key ON secrets (key_id, integration_id, name);
      CREATE TABLE checkpoints (integration_id TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE sync_logs (
        id TEXT PRIMARY KEY, integration_id TEXT NOT NULL, started_at INTEGER NOT NULL, body TEXT NOT NULL
      );
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, at INTEGER NOT NULL, tenant_id TEXT NOT NULL,
        integration_id TEXT, body TEXT NOT NULL
      );
      CREATE TABLE locks (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE TABLE users (
        id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, display_name TEXT, active INTEGER NOT NULL,
        role TEXT NOT NULL, hge_id_account_id TEXT, attributes TEXT NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      );
      CREATE TABLE user_links (
        integration_id TEXT NOT NULL, external_id TEXT NOT NULL, user_id TEXT NOT NULL,
        pending INTEGER NOT NULL DEFAULT 0, last_seen TEXT, PRIMARY KEY (integration_id, external_id)
      ) WITHOUT ROWID;
      CREATE TABLE groups (
        integration_id TEXT NOT NULL, external_id TEXT NOT NULL, display_name TEXT, description TEXT,
        attributes TEXT NOT NULL, removed INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL, last_seen TEXT,
        PRIMARY KEY (integration_id, external_id)
      ) WITHOUT ROWID;
      CREATE TABLE memberships (
        integration_id TEXT NOT NULL, group_external_id TEXT NOT NULL, user_external_id TEXT NOT NULL,
        PRIMARY KEY (integration_id, group_external_id, user_external_id)
      ) WITHOUT ROWID;
      CREATE TABLE records (
        integration_id TEXT NOT NULL, kind TEXT NOT NULL, external_id TEXT NOT NULL, data TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL, last_seen TEXT,
        PRIMARY KEY (integration_id, kind, external_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: "indexes for lookups by user and newest-first listings",
    sql: `
      CREATE INDEX user_links_by_user ON user_links (user_id, integration_id);
      CREATE INDEX sync_logs_by_start ON sync_logs (integration_id, started_at);
      CREATE INDEX audit_by_at ON audit (at);
    `,
  },
  {
    version: 3,
    name: "lock fencing tokens and holders; sweep owners",
    sql: `
      ALTER TABLE locks ADD COLUMN token INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE locks ADD COLUMN holder_pid INTEGER;
      ALTER TABLE locks ADD COLUMN holder_machine TEXT;
      CREATE TABLE sweeps (
        integration_id TEXT NOT NULL, kind TEXT NOT NULL, sweep_id TEXT NOT NULL, token INTEGER,
        closed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (integration_id, kind)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: "record owners, pending record removals, what each source reports; integration guard column",
    sql: `
      ALTER TABLE records ADD COLUMN owner_email TEXT;
      ALTER TABLE records ADD COLUMN owner_external_id TEXT;
      ALTER TABLE records ADD COLUMN owner_source TEXT;
      ALTER TABLE records ADD COLUMN owner_user_id TEXT;
      ALTER TABLE records ADD COLUMN pending_removal INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE user_links ADD COLUMN reported_active INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX records_by_owner ON records (owner_user_id, integration_id, kind, external_id)
        WHERE owner_user_id IS NOT NULL;
      CREATE INDEX records_waiting_by_external_id ON records (owner_source, owner_external_id)
        WHERE owner_user_id IS NULL AND owner_external_id IS NOT NULL;
      CREATE INDEX records_waiting_by_email ON records (owner_email)
        WHERE owner_user_id IS NULL AND owner_email IS NOT NULL;
      CREATE INDEX records_pending_removal ON records (integration_id, kind) WHERE pending_removal = 1;
      CREATE INDEX integrations_by_tenant ON integrations (tenant_id, connector_id);
      ALTER TABLE integrations ADD COLUMN guard TEXT;
      UPDATE integrations SET guard = CASE WHEN json_type(mappings, '$."$guard"') = 'object'
          THEN json_extract(mappings, '$."$guard"') END,
        mappings = json_remove(mappings, '$."$guard"')
      WHERE json_type(mappings, '$."$guard"') IS NOT NULL;
    `,
  },
];
