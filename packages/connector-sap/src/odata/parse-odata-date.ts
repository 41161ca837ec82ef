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
  return isoInstant(ms);
}

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the years `toISOString` writes with four digits. */
const FIRST_FOUR_DIGIT_MS = -62_167_219_200_000;
const LAST_FOUR_DIGIT_MS = 253_402_300_799_999;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
const pad4 = (n: number) => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()` without the Date: SAP rows carry several dates each and the Date round trip was
 * the largest cost of reading a row. Years 0 to 9999 are written here (days to a civil date as in H. Hinnant's
 * `civil_from_days`); the six-digit years outside them go through Date as before.
 */
function isoInstant(ms: number): string {
  if (ms < FIRST_FOUR_DIGIT_MS || ms > LAST_FOUR_DIGIT_MS) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(millis)}Z`;
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
