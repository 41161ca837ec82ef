import type { PostgresMigration } from "./postgres-migration";

/**
 * Version 3 (additive): locks as rows with a fencing token, a lease and the holder's session (pid and start), so
 * every page write can check in its own transaction that its run still holds the lock; and the owner of each
 * integration's open sweep per kind.
 */
export const migration003LockFencing: PostgresMigration = {
  version: 3,
  name: "lock fencing",
  up: (s) => `
CREATE TABLE ${s}.locks (
  name text COLLATE "C" PRIMARY KEY,
  token bigint NOT NULL,
  owner text COLLATE "C" NOT NULL,
  expires_at timestamptz NOT NULL,
  session_pid integer,
  session_start timestamptz
);
CREATE TABLE ${s}.sweeps (
  integration_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  sweep_id text COLLATE "C" NOT NULL,
  token bigint,
  closed boolean NOT NULL DEFAULT false,
  PRIMARY KEY (integration_id, kind)
);
`,
};
