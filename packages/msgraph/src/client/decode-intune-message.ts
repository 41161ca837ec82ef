/** What Intune said inside the message Graph relays from one of its front ends. */
export interface IntuneMessage {
  /** The real error (`Forbidden`, `Unauthorized`, `ResourceNotFound`) when Graph's code says `UnknownError`. */
  errorCode?: string;
  /** The front end's own text (`An error has occurred - Operation ID ... - Activity ID ... - Url ...`). */
  message: string;
  /** The `Activity ID` in that text. */
  activityId?: string;
}

const ACTIVITY_ID = /Activity ID:\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

function parseObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decodes Intune's double-encoded error text: Graph's `error.message` is itself JSON, either
 * `{"ErrorCode": "Forbidden", "Message": "<JSON again>"}` (401, 403, 404) or the front end's document
 * `{"_version": 3, "Message": "An error has occurred - ... Activity ID: ..."}` (429). `undefined` for a plain
 * Graph message.
 */
export function decodeIntuneMessage(message: string | undefined): IntuneMessage | undefined {
  if (message === undefined) return undefined;
  const outer = parseObject(message);
  if (!outer || typeof outer.Message !== "string") return undefined;
  const errorCode =
    typeof outer.ErrorCode === "string" && outer.ErrorCode !== "" ? outer.ErrorCode : undefined;
  const inner = parseObject(outer.Message);
  const text = typeof inner?.Message === "string" ? inner.Message : outer.Message;
  const activityId = ACTIVITY_ID.exec(text)?.[1];
  return {
    message: text,
    ...(errorCode ? { errorCode } : {}),
    ...(activityId ? { activityId } : {}),
  };
}
