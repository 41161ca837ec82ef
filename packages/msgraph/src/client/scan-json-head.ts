/** What {@link scanJsonHead} found at the start of a JSON object. */
export interface JsonHead {
  /**
   * `true` once the head is over: a member whose value is an array or object began (Graph's `value` array), or
   * the object ended, or the text is not a JSON object. `false` while the text may continue the head.
   */
  done: boolean;
  /**
   * The leading members with string values, in order (a repeated name keeps its last value; one whose last value
   * is a number or literal is left out).
   */
  members: Record<string, string>;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The index after the JSON string literal opening at `start` (a `"`), or -1 when the text ends inside it. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/** The index after the JSON number or literal (`true`, `false`, `null`) starting at `start`, or -1. */
function scalarEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const numberChar =
      (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45 || c === 0x65;
    const letter = c >= 0x61 && c <= 0x7a;
    if (!numberChar && !letter) break;
    i++;
  }
  return i === start ? -1 : i;
}

/**
 * Reads the leading string members of a JSON object from the start of its text, which may be cut anywhere:
 * `{"@odata.context":"...","@odata.nextLink":"...","value":[` gives both links and `done`. Graph writes a
 * page's `@odata.nextLink` before its `value`, so a pager can ask for the next page while the rest of this one
 * is still arriving (`@odata.count`, a number, may come before it: numbers and literals are read past). Each
 * value is decoded as `JSON.parse` decodes it; the scan stops at the first array or object. Text that is not a
 * JSON object ends the scan with what was read (the full parse reports it).
 */
export function scanJsonHead(text: string): JsonHead {
  const members: Record<string, string> = Object.create(null);
  const stop = (done: boolean): JsonHead => ({ done, members: { ...members } });
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  };
  skipSpace();
  if (i >= text.length) return stop(false);
  if (text.charCodeAt(i) !== 0x7b) return stop(true);
  i++;
  for (;;) {
    skipSpace();
    if (i >= text.length) return stop(false);
    if (text.charCodeAt(i) !== 0x22) return stop(true);
    const nameEnd = stringEnd(text, i);
    if (nameEnd < 0) return stop(false);
    const nameText = text.slice(i, nameEnd);
    i = nameEnd;
    skipSpace();
    if (i >= text.length) return stop(false);
    if (text.charCodeAt(i) !== 0x3a) return stop(true);
    i++;
    skipSpace();
    if (i >= text.length) return stop(false);
    const string = text.charCodeAt(i) === 0x22;
    const valueEnd = string ? stringEnd(text, i) : scalarEnd(text, i);
    if (valueEnd < 0 && !string) return stop(true);
    if (valueEnd < 0 || valueEnd >= text.length) return stop(false);
    let name: string;
    let value: unknown;
    try {
      name = JSON.parse(nameText) as string;
      value = JSON.parse(text.slice(i, valueEnd));
    } catch {
      return stop(true);
    }
    i = valueEnd;
    skipSpace();
    if (i >= text.length) return stop(false);
    const c = text.charCodeAt(i);
    if (c !== 0x2c && c !== 0x7d) return stop(true);
    if (typeof value === "string") members[name] = value;
    else delete members[name];
    if (c === 0x7d) return stop(true);
    i++;
  }
}
