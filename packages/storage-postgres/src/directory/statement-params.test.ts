import { describe, expect, it } from "vitest";
import { statementParams } from "./statement-params";

const long = (n: number) => `{${Array.from({ length: n }, (_, i) => `"v${i}"`).join(",")}}`;

describe("statement parameters", () => {
  it("numbers placeholders after the first values and binds every plain value anew", () => {
    const params = statementParams(["int-1", "{}"]);
    expect(params.bind("a")).toBe("$3");
    expect(params.bind("a")).toBe("$4");
    expect(params.values).toEqual(["int-1", "{}", "a", "a"]);
  });

  it("builds a shared value once per key", () => {
    const params = statementParams([]);
    let builds = 0;
    const build = () => {
      builds += 1;
      return long(30);
    };
    expect(params.shared("ids", build)).toBe("$1");
    expect(params.shared("ids", build)).toBe("$1");
    expect(builds).toBe(1);
    expect(params.values).toHaveLength(1);
  });

  it("sends an array literal equal to one already shared once, under both keys", () => {
    const params = statementParams(["int-1"]);
    const ids = params.shared("create.ids", () => long(30));
    expect(params.shared("links.userIds", () => long(30))).toBe(ids);
    expect(params.shared("links.externalIds", () => long(31))).not.toBe(ids);
    expect(params.values).toEqual(["int-1", long(30), long(31)]);
  });

  it("never merges short values or values that are not array literals (they could be bound as other types)", () => {
    const params = statementParams([]);
    const json = JSON.stringify(Array.from({ length: 30 }, (_, i) => i));
    expect(params.shared("a", () => "{t,f}")).not.toBe(params.shared("b", () => "{t,f}"));
    expect(params.shared("c", () => json)).not.toBe(params.shared("d", () => json));
    expect(params.values).toHaveLength(4);
  });
});
