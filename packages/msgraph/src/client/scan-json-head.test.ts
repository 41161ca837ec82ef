import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanJsonHead } from "./scan-json-head";

const GRAPH_HEAD =
  '{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=a%2Fb","value":[{"id":"1"}]}';

describe("scanJsonHead", () => {
  it("reads a Graph page's context and nextLink before its value", () => {
    expect(scanJsonHead(GRAPH_HEAD)).toEqual({
      done: true,
      members: {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=a%2Fb",
      },
    });
  });

  it("waits for more text while a member may be incomplete", () => {
    expect(scanJsonHead("")).toEqual({ done: false, members: {} });
    expect(scanJsonHead('{"@odata.nextLink":"https://x/y?$skip')).toEqual({ done: false, members: {} });
    // the value is complete only once what follows it is seen
    expect(scanJsonHead('{"@odata.nextLink":"https://x/y"')).toEqual({ done: false, members: {} });
    expect(scanJsonHead('{"a":"1", "b":"2"\n,')).toEqual({ done: false, members: { a: "1", b: "2" } });
  });

  it("reads past numbers and literals before the nextLink (Graph's @odata.count with $count=true)", () => {
    const head =
      '{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices","@odata.count":100000,"@odata.nextLink":"https://graph.microsoft.com/v1.0/deviceManagement/managedDevices?$skiptoken=x","value":[';
    expect(scanJsonHead(head)).toEqual({
      done: true,
      members: {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices",
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/deviceManagement/managedDevices?$skiptoken=x",
      },
    });
    // a number or literal is complete only once what follows it is seen
    expect(scanJsonHead('{"@odata.count":10')).toEqual({ done: false, members: {} });
    expect(scanJsonHead('{"a":"1","b":tru')).toEqual({ done: false, members: { a: "1" } });
    expect(scanJsonHead('{"a":"1","b":-1.5e3,"c":true,"d":null,"e":"2"}')).toEqual({
      done: true,
      members: { a: "1", e: "2" },
    });
    expect(scanJsonHead('{"a":"1","a":2,')).toEqual({ done: false, members: {} });
    expect(scanJsonHead('{"a":01,')).toEqual({ done: true, members: {} });
  });

  it("ends at text that is not a JSON object or not well formed", () => {
    expect(scanJsonHead("[1,2]").done).toBe(true);
    expect(scanJsonHead('{"a" 1}')).toEqual({ done: true, members: {} });
    expect(scanJsonHead('{"a":"\\x"}')).toEqual({ done: true, members: {} });
    expect(scanJsonHead('{"a":"b"]')).toEqual({ done: true, members: {} });
    expect(scanJsonHead("{}")).toEqual({ done: true, members: {} });
  });

  const key = fc.oneof(
    fc.string(),
    fc.constantFrom("@odata.nextLink", "@odata.context", "__proto__", "value"),
  );
  const scalar = fc.oneof(
    { weight: 3, arbitrary: fc.string() },
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const head = fc.array(fc.tuple(key, scalar), { maxLength: 5 });
  const rest = fc.option(
    fc.tuple(key, fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue()))),
    {
      nil: undefined,
    },
  );
  const space = fc.constantFrom("", " ", "\n  ", "\t");

  it("agrees with JSON.parse on the leading string members, wherever the text is cut", () => {
    fc.assert(
      fc.property(head, rest, space, fc.nat(), (members, tail, ws, cutAt) => {
        const parts = members.map(([k, v]) => `${JSON.stringify(k)}${ws}:${ws}${JSON.stringify(v)}`);
        if (tail) parts.push(`${JSON.stringify(tail[0])}:${JSON.stringify(tail[1])}`);
        const text = `${ws}{${ws}${parts.join(`${ws},${ws}`)}${ws}}`;
        // JSON.parse's view of the first `n` members (a repeated name keeps its last value), strings only
        const firstMembers = (n: number) => {
          const object: Record<string, unknown> = {};
          for (const [k, v] of members.slice(0, n))
            Object.defineProperty(object, k, {
              value: v,
              enumerable: true,
              configurable: true,
              writable: true,
            });
          for (const k of Object.keys(object)) if (typeof object[k] !== "string") delete object[k];
          return object;
        };
        const full = scanJsonHead(text);
        expect(full.done).toBe(true);
        expect(full.members).toEqual(firstMembers(members.length));
        // a cut text gives the string members among the first few, each with its whole value
        const cut = scanJsonHead(text.slice(0, cutAt % (text.length + 1)));
        const prefixes = Array.from({ length: members.length + 1 }, (_, n) => firstMembers(n));
        expect(prefixes).toContainEqual(cut.members);
        if (cut.done) expect(cut.members).toEqual(firstMembers(members.length));
      }),
      { numRuns: 1000 },
    );
  });
});
