import type { PostgresMigration } from "./postgres-migration";

/**
 * Version 4 (additive): owners of devices and assets (what the source said and the resolved user) with partial
 * indexes for a user's records and for owners still waiting for their user; pending record removals (the guard);
 * whether each link's source still reports its user active (several sources per user); the reason of a run.
 */
export const migration004RecordOwners: PostgresMigration = {
  version: 4,
  name: "record owners",
  up: (s) => `
ALTER TABLE ${s}.records
  ADD COLUMN owner_email text COLLATE "C",
  ADD COLUMN owner_external_id text COLLATE "C",
  ADD COLUMN owner_source text COLLATE "C",
  ADD COLUMN owner_user_id text COLLATE "C",
  ADD COLUMN pending_removal boolean NOT NULL DEFAULT false;
ALTER TABLE ${s}.user_links ADD COLUMN reported_active boolean NOT NULL DEFAULT true;
ALTER TABLE ${s}.sync_logs ADD COLUMN reason text;
CREATE INDEX records_owner_idx ON ${s}.records (owner_user_id, integration_id, kind, external_id)
  WHERE owner_user_id IS NOT NULL;
CREATE INDEX records_waiting_external_idx ON ${s}.records (owner_external_id, owner_source)
  WHERE owner_user_id IS NULL AND owner_external_id IS NOT NULL;
CREATE INDEX records_waiting_email_idx ON ${s}.records (owner_email)
  WHERE owner_user_id IS NULL AND owner_email IS NOT NULL;
CREATE INDEX records_pending_removal_idx ON ${s}.records (integration_id, kind) WHERE pending_removal;
`,
};
