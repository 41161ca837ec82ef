/**
 * Replaces every occurrence of each secret value (and of its base64 and URL-encoded forms) in `text` with
 * `[REDACTED]`. Values shorter than 4 characters are ignored: they would redact ordinary words.
 */
export function redactKnownSecrets(text: string, secrets: ReadonlyArray<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of secretForms(secret)) {
      if (out.includes(form)) out = out.split(form).join("[REDACTED]");
    }
  }
  return out;
}

function secretForms(secret: string): string[] {
  const base64 = Buffer.from(secret, "utf8").toString("base64");
  const forms = [secret, base64, base64.replace(/=+$/, ""), encodeURIComponent(secret)];
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}
