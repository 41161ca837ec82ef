/** The matching form of an email: trimmed and lower-case; `null` for anything that is not a non-empty string. */
export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const email = value.trim().toLowerCase();
  return email.length > 0 ? email : null;
}
