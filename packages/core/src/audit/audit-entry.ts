/** Who did something: a person, the scheduler, a webhook, a change watcher, or the system itself. */
export interface Actor {
  type: "user" | "system" | "scheduler" | "webhook" | "watcher";
  /** The person's or process's id. */
  id: string;
}

/** What was done. */
export type AuditAction =
  | "integration.created"
  | "integration.updated"
  | "integration.enabled"
  | "integration.disabled"
  | "integration.deleted"
  | "secret.set"
  | "secret.removed"
  | "secret.rewrapped"
  | "sync.started"
  | "sync.finished"
  | "sync.deactivations.confirmed"
  | "sync.deactivations.discarded"
  | "connection.tested";

/** One audit log entry: who did what and when. Never holds a secret value. */
export interface AuditEntry {
  id: string;
  at: Date;
  tenantId: string;
  integrationId: string | null;
  actor: Actor;
  action: AuditAction;
  /** Secret-free facts: changed field names, secret names, run id, status, counts. */
  details: Record<string, string | number | boolean | null | string[]>;
}

/** The actor used when the host passes none. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ type: "system", id: "system" });
