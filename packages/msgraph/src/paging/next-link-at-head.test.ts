import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextLinkAtHead } from "./next-link-at-head";

const scalar = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const annotationKey = fc.oneof(
  fc.constantFrom("@odata.context", "@odata.count", "@odata.deltaLink", "@odata.nextLink"),
  fc.string({ unit: "binary" }),
);
/** A page as a server might write it: scalar members (maybe a next link) in any order, then `value`, then more. */
const page = fc.record({
  before: fc.array(fc.tuple(annotationKey, scalar), { maxLength: 6 }),
  link: fc.option(fc.webUrl({ withQueryParameters: true }), { nil: undefined }),
  linkAt: fc.nat(),
  value: fc.array(fc.dictionary(fc.string(), scalar), { maxLength: 3 }),
  after: fc.array(fc.tuple(annotationKey, scalar), { maxLength: 2 }),
  indent: fc.constantFrom(undefined, 2, "\t"),
});

type Page = typeof page extends fc.Arbitrary<infer P> ? P : never;

function write(p: Page) {
  const members = p.before.filter(([key]) => key !== "@odata.nextLink" && key !== "value");
  if (p.link !== undefined) members.splice(p.linkAt % (members.length + 1), 0, ["@odata.nextLink", p.link]);
  const after = p.after.filter(([key]) => !members.some(([k]) => k === key) && key !== "value");
  const object = Object.fromEntries([...members, ["value", p.value], ...after]);
  return { text: JSON.stringify(object, null, p.indent), object: object as Record<string, unknown> };
}

describe("nextLinkAtHead", () => {
  it("reads the next link written before the value array, from any head long enough to hold it", () => {
    fc.assert(
      fc.property(page, (p) => {
        const { text } = write(p);
        const end = text.search(/"value":\s*\[/);
        expect(nextLinkAtHead(text.slice(0, end))).toBe(p.link);
        expect(nextLinkAtHead(text)).toBe(p.link);
      }),
    );
  });

  it("never guesses a link the page does not have, whatever prefix of it arrived", () => {
    fc.assert(
      fc.property(page, fc.nat(), (p, cut) => {
        const { text, object } = write(p);
        const found = nextLinkAtHead(text.slice(0, cut % (text.length + 1)));
        if (found !== undefined) expect(found).toBe(object["@odata.nextLink"]);
      }),
    );
  });

  it("reads nothing from a page whose link comes after its items, or a head cut inside the link", () => {
    const link = "https://graph.microsoft.com/v1.0/users?$skiptoken=abc";
    expect(nextLinkAtHead(`{"value":[{"id":"1"}],"@odata.nextLink":"${link}"}`)).toBeUndefined();
    expect(nextLinkAtHead(`{"@odata.nextLink":"${link.slice(0, 30)}`)).toBeUndefined();
    expect(nextLinkAtHead(`{"@odata.nextLink":"${link}"`)).toBeUndefined();
    expect(nextLinkAtHead(`\uFEFF {"@odata.count":3,"@odata.nextLink":"${link}","value":[`)).toBe(link);
  });

  it("reads nothing from a head that names the link twice, or not as a string", () => {
    expect(nextLinkAtHead('{"@odata.nextLink":"a","@odata.nextLink":"b","value":[')).toBeUndefined();
    expect(nextLinkAtHead('{"@odata.nextLink":3,"value":[')).toBeUndefined();
    expect(nextLinkAtHead('{"@odata.next\\u004cink":"a","value":[')).toBe("a");
    expect(nextLinkAtHead('{"@odata.nextLink":"a\\x","value":[')).toBeUndefined();
  });
});
