import { checkEmail } from "./check-email";

/**
 * The matching form of an email (trimmed, NFC, lower-case, see {@link checkEmail}); `null` for anything that is
 * not a non-empty string or that the identity rule refuses.
 */
export function normalizeEmail(value: unknown): string | null {
  const checked = checkEmail(value);
  return checked.ok ? checked.email : null;
}
