/** Parses `$select` against the known properties: the list, or the first unknown name. */
export function parseSelect<P extends string>(
  raw: string | null,
  known: readonly P[],
  defaults: readonly P[],
): { ok: true; properties: P[] } | { ok: false; unknown: string } {
  if (raw === null || raw.trim() === "") return { ok: true, properties: [...defaults] };
  const properties: P[] = [];
  for (const name of raw.split(",").map((s) => s.trim())) {
    const match = known.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!match) return { ok: false, unknown: name };
    if (!properties.includes(match)) properties.push(match);
  }
  return { ok: true, properties };
}
