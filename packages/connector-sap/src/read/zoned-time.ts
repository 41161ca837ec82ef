const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(ms: number, zone: string): Record<string, number> {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, format);
  }
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms)))
    if (part.type !== "literal") out[part.type] = Number(part.value);
  return out;
}

const pad = (n: number | undefined, width = 2) => String(n ?? 0).padStart(width, "0");

/** An instant as the wall-clock date (`YYYY-MM-DD`) and time (`HH:MM:SS`) of a time zone. */
export function instantToLocal(ms: number, zone: string): { date: string; time: string } {
  const p = partsOf(ms, zone);
  return {
    date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`,
  };
}

function offsetAt(ms: number, zone: string): number {
  const p = partsOf(ms, zone);
  const asUtc = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * A wall-clock date and time of a time zone (`YYYY-MM-DD`, `HH:MM:SS`) as an instant (ms). In a gap (spring
 * forward) the later offset applies; in an overlap the earlier instant.
 */
export function localToInstant(date: string, time: string, zone: string): number {
  const naive = Date.parse(`${date}T${time}Z`);
  const first = naive - offsetAt(naive, zone);
  const second = naive - offsetAt(first, zone);
  return Math.min(first, second);
}
