import type { PostgresMigration } from "./postgres-migration";

/** Version 1: integrations, secrets, checkpoints, sync logs, audit, users, links, groups, memberships, records. */
export const migration001Initial: PostgresMigration = {
  version: 1,
  name: "initial",
  up: (s) => `
CREATE TABLE ${s}.integrations (
  id text COLLATE "C" PRIMARY KEY,
  tenant_id text COLLATE "C" NOT NULL,
  connector_id text COLLATE "C" NOT NULL,
  name text NOT NULL,
  settings jsonb NOT NULL,
  direction text NOT NULL,
  interval_minutes integer NOT NULL,
  mappings jsonb NOT NULL,
  enabled boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  revision integer NOT NULL
);
CREATE INDEX integrations_tenant_idx ON ${s}.integrations (tenant_id);

CREATE TABLE ${s}.secrets (
  integration_id text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  tenant_id text COLLATE "C" NOT NULL,
  key_id text COLLATE "C" NOT NULL,
  envelope text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (integration_id, name)
);
CREATE INDEX secrets_key_idx ON ${s}.secrets (key_id, integration_id, name);

CREATE TABLE ${s}.checkpoints (
  integration_id text COLLATE "C" PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE ${s}.sync_logs (
  id text COLLATE "C" PRIMARY KEY,
  integration_id text COLLATE "C" NOT NULL,
  tenant_id text COLLATE "C" NOT NULL,
  trigger text NOT NULL,
  mode text NOT NULL,
  status text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  counts jsonb NOT NULL,
  counts_by_kind jsonb NOT NULL,
  errors jsonb NOT NULL,
  error_count integer NOT NULL,
  notices jsonb NOT NULL,
  pages integer NOT NULL,
  failure_code text
);
CREATE INDEX sync_logs_integration_idx ON ${s}.sync_logs (integration_id, started_at DESC, id DESC);

CREATE TABLE ${s}.audit_entries (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL,
  at timestamptz NOT NULL,
  tenant_id text COLLATE "C" NOT NULL,
  integration_id text COLLATE "C",
  actor jsonb NOT NULL,
  action text NOT NULL,
  details jsonb NOT NULL
);
CREATE INDEX audit_tenant_idx ON ${s}.audit_entries (tenant_id, at DESC, seq DESC);
CREATE INDEX audit_integration_idx ON ${s}.audit_entries (integration_id, at DESC, seq DESC);

CREATE TABLE ${s}.users (
  id text COLLATE "C" PRIMARY KEY,
  email text COLLATE "C" NOT NULL,
  display_name text,
  active boolean NOT NULL,
  role text NOT NULL,
  hge_id_account_id text,
  attributes jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT users_email_unique UNIQUE (email) DEFERRABLE INITIALLY IMMEDIATE
);

CREATE TABLE ${s}.user_links (
  integration_id text COLLATE "C" NOT NULL,
  external_id text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  pending_deactivation boolean NOT NULL DEFAULT false,
  PRIMARY KEY (integration_id, external_id)
);
CREATE INDEX user_links_user_idx ON ${s}.user_links (user_id, integration_id);

CREATE TABLE ${s}.groups (
  integration_id text COLLATE "C" NOT NULL,
  external_id text COLLATE "C" NOT NULL,
  display_name text,
  description text,
  attributes jsonb NOT NULL,
  removed boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (integration_id, external_id)
);

CREATE TABLE ${s}.memberships (
  integration_id text COLLATE "C" NOT NULL,
  group_external_id text COLLATE "C" NOT NULL,
  user_external_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (integration_id, group_external_id, user_external_id)
);

CREATE TABLE ${s}.records (
  integration_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('device', 'asset')),
  external_id text COLLATE "C" NOT NULL,
  data jsonb NOT NULL,
  removed boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (integration_id, kind, external_id)
);
`,
};
