import type { ConfiguredSecret } from "@uslimato/core";
import type { SealedSecretRecord } from "@uslimato/core/storage";

/**
 * The "configured" indicator of an integration's secrets: for each expected name (and any stored name besides),
 * whether it is set and when it last changed. Reads only names and dates — never an envelope, a value or a hash,
 * so the view is safe for API responses.
 *
 * @example
 * ```ts
 * configuredView(await storage.secrets.list(id), ["clientSecret"]);
 * // [{ name: "clientSecret", configured: true, updatedAt: 2026-01-05T10:00:00.000Z }]
 * ```
 */
export function configuredView(
  records: ReadonlyArray<SealedSecretRecord>,
  secretNames: ReadonlyArray<string>,
): ConfiguredSecret[] {
  const changed = new Map<string, Date>();
  for (const record of records) {
    const known = changed.get(record.name);
    if (!known || record.updatedAt > known) changed.set(record.name, new Date(record.updatedAt.getTime()));
  }
  const names = [...new Set([...secretNames, ...changed.keys()])];
  return names.map((name) => ({ name, configured: changed.has(name), updatedAt: changed.get(name) ?? null }));
}
