import type { PostgresMigration } from "./postgres-migration";

/**
 * Version 2 (additive): the id of the last full enumeration ("sweep") that saw each link, group and record, so
 * the end of a sweep can mark what it did not see; and a partial index over pending deactivations.
 */
export const migration002Sweeps: PostgresMigration = {
  version: 2,
  name: "sweeps",
  up: (s) => `
ALTER TABLE ${s}.user_links ADD COLUMN last_seen_sweep text;
ALTER TABLE ${s}.groups ADD COLUMN last_seen_sweep text;
ALTER TABLE ${s}.records ADD COLUMN last_seen_sweep text;
CREATE INDEX user_links_pending_idx ON ${s}.user_links (integration_id) WHERE pending_deactivation;
`,
};
