import type { PostgresMigration } from "./postgres-migration";

/**
 * Version 4 (additive): owners of devices and assets (what the source said and the resolved user) with partial
 * indexes for a user's records and for owners still waiting for their user; pending record removals (the guard);
 * whether each link's source still reports its user active (several sources per user); the reason of a run; and
 * the integration's own guard in a column of its own (moved out of the `$guard` key that earlier versions kept in
 * `mappings`).
 */
export const migration004RecordOwners: PostgresMigration = {
  version: 4,
  name: "record owners; integration guard column",
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
ALTER TABLE ${s}.integrations ADD COLUMN guard jsonb;
UPDATE ${s}.integrations
  SET guard = CASE WHEN jsonb_typeof(mappings -> '$guard') = 'object' THEN mappings -> '$guard' END,
    mappings = mappings - '$guard'
  WHERE mappings ? '$guard';
`,
};
