const DATE = /^\/Date\((-?\d+)(?:([+-])(\d{4}))?\)\/$/;
const DURATION = /^P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?$/;

/**
 * Reads an OData v2 `/Date(<ms>)/` or `/Date(<ms>±HHMM)/` value as an ISO 8601 instant (`...Z`); `undefined`
 * for anything else. The milliseconds are UTC whatever the offset says (the offset only tells the zone the value
 * was written in); negative values are before 1970.
 *
 * @example
 * ```ts
 * parseODataDate("/Date(1700000000000+0000)/"); // "2023-11-14T22:13:20.000Z"
 * ```
 */
export function parseODataDate(text: string): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]);
  if (!Number.isSafeInteger(ms) || Math.abs(ms) > 8.64e15) return undefined;
  return new Date(ms).toISOString();
}

/**
 * Reads an OData v2 `Edm.Time` duration (`PT10H05M00S`, also with days or fractions) as a time of day
 * `HH:MM:SS` (fractions kept); `undefined` when it is not one.
 *
 * @example
 * ```ts
 * parseODataDuration("PT7H3M9S"); // "07:03:09"
 * ```
 */
export function parseODataDuration(text: string): string | undefined {
  const match = DURATION.exec(text);
  if (!match || text === "PT" || text === "P") return undefined;
  const days = Number(match[1] ?? 0);
  const total =
    days * 86_400 + Number(match[2] ?? 0) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  const clock = `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  return match[5] ? `${clock}.${match[5]}` : clock;
}
