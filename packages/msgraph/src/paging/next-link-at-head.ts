/** A JSON string (its escapes checked by `JSON.parse` when it is read). */
const STRING = String.raw`"(?:[^"\\\u0000-\u001f]|\\.)*"`;
const SPACE = "[ \\t\\n\\r]*";
/** One leading member of a page object with a scalar value (string, number, literal), and the comma after it. */
const MEMBER = new RegExp(
  `${SPACE}(${STRING})${SPACE}:${SPACE}(${STRING}|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null)${SPACE},`,
  "y",
);
const OPEN = new RegExp(`^\\uFEFF?${SPACE}\\{`);
const NEXT_LINK = "@odata.nextLink";

/**
 * The `@odata.nextLink` of a Graph page read from the beginning of its body, before the rest has arrived: Graph
 * (and the simulator) write a page's annotations before its `value` array. Only the object's leading members with
 * scalar values are read, up to the first member that is not one (the `value` array) or the end of `head`; a link
 * counts only when its member is complete (a comma follows it) and appears once. `undefined` when `head` does not
 * start that way. A guess to send the next request early: the caller still compares it with the parsed page's link.
 */
export function nextLinkAtHead(head: string): string | undefined {
  const open = OPEN.exec(head);
  if (!open) return undefined;
  MEMBER.lastIndex = open[0].length;
  let link: string | undefined;
  try {
    for (let member = MEMBER.exec(head); member; member = MEMBER.exec(head)) {
      const [, key = "", value = ""] = member;
      const name = key.includes("\\") ? (JSON.parse(key) as string) : key.slice(1, -1);
      if (name !== NEXT_LINK) continue;
      if (link !== undefined || !value.startsWith('"')) return undefined;
      link = JSON.parse(value) as string;
    }
  } catch {
    return undefined; // an escape JSON does not know: the page itself will not parse either
  }
  return link;
}
