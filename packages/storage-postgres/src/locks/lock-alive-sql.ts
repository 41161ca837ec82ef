/**
 * SQL that is true while the lock row aliased `l` is held by a live session: the session that took it (pid and start
 * time, so a reused pid does not count) still exists. Another role's session may hide its start time; then the pid
 * alone counts. `pg_stat_get_activity(pid)` reads one backend's entry: cheap enough for every page write.
 */
export const LOCK_SESSION_ALIVE = `(l.session_pid IS NOT NULL AND EXISTS (
  SELECT 1 FROM pg_stat_get_activity(l.session_pid) AS a
  WHERE a.backend_start IS NULL OR a.backend_start = l.session_start))`;
