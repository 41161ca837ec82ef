/** Why an employee is no longer one, or `null` while employed. */
export type EmployeeEndReason = "blocked" | "markedForArchiving" | "left" | "roleEnded" | "noEmail";

const dayOf = (value: unknown): string | undefined =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;

/** A date (ISO) as `YYYY-MM-DD`, or `undefined`. */
export { dayOf };

/** Whether an end date lies before `today` (the person has left; an end date today or later is still employed). */
export function endedBefore(endDate: unknown, today: string): boolean {
  const day = dayOf(endDate);
  return day !== undefined && day < today;
}

/** The SAP removal reason's kind in core: blocks and archiving flags are soft deletions, the rest out of scope. */
export function removalKind(reason: EmployeeEndReason): "softDeleted" | "outOfScope" {
  return reason === "blocked" || reason === "markedForArchiving" ? "softDeleted" : "outOfScope";
}
