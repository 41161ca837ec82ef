const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the SAP system shows it in its own time zone: the local date (as epoch ms of that date at
 * 00:00 UTC, the way `Edm.DateTime` dates travel) and the local time of day in seconds. Business partner
 * stamps (`LastChangeDate` + `LastChangeTime`) are local, not UTC.
 */
export function localStamp(ms: number, timeZone: string): { day: number; seconds: number } {
  if (timeZone === "UTC") {
    const day = Math.floor(ms / 86_400_000) * 86_400_000;
    return { day, seconds: Math.floor((ms - day) / 1000) };
  }
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms))
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  const day = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1);
  return { day, seconds: (parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0) };
}
