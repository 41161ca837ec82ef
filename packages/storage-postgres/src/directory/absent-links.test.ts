import { describe, expect, it } from "vitest";
import { absentLinks } from "./absent-links";

describe("absentLinks", () => {
  it("remembers what a lookup did not find, per integration, until a page links it", () => {
    const absent = absentLinks();
    absent.lookup("i1")(["e1", "e2", "e3"], ["e2"]);
    expect(["e1", "e2", "e3"].map((id) => absent.has("i1", id))).toEqual([true, false, true]);
    expect(absent.has("i2", "e1")).toBe(false);
    absent.linked("i1", ["e1"]);
    expect(absent.has("i1", "e1")).toBe(false);
    expect(absent.has("i1", "e3")).toBe(true);
  });

  it("a lookup answered after pages were written remembers what it did not find, but what those pages linked", () => {
    const absent = absentLinks();
    const answered = absent.lookup("i1");
    absent.linked("i1", ["e1"]);
    absent.linked("i1", ["e3"]);
    answered(["e1", "e2", "e3", "e4"], []);
    expect(["e1", "e2", "e3", "e4"].map((id) => absent.has("i1", id))).toEqual([false, true, false, true]);
    absent.lookup("i1")([], ["e2"]);
    expect(absent.has("i1", "e2")).toBe(false);
  });

  it("a lookup that ran while more pages were written than are remembered, or one failed, is not remembered", () => {
    const absent = absentLinks();
    const slow = absent.lookup("i1");
    for (let i = 0; i < 5; i++) absent.linked("i1", [`p${i}`]);
    slow(["e1"], []);
    expect(absent.has("i1", "e1")).toBe(false);
    const overFailure = absent.lookup("i1");
    absent.linked("i1", []);
    absent.forget("i1");
    absent.linked("i1", []);
    overFailure(["e2"], []);
    expect(absent.has("i1", "e2")).toBe(false);
    absent.lookup("i1")(["e2"], []);
    expect(absent.has("i1", "e2")).toBe(true);
  });

  it("forgets an integration after a failed write", () => {
    const absent = absentLinks();
    absent.lookup("i1")(["e1"], []);
    const before = absent.lookup("i1");
    absent.forget("i1");
    before(["e2"], []);
    expect(absent.has("i1", "e1")).toBe(false);
    expect(absent.has("i1", "e2")).toBe(false);
  });

  it("keeps the last three lookups of the 64 most recently used integrations", () => {
    const absent = absentLinks();
    for (const id of ["e1", "e2", "e3", "e4"]) absent.lookup("i1")([id], []);
    expect(["e1", "e2", "e3", "e4"].map((id) => absent.has("i1", id))).toEqual([false, true, true, true]);
    for (let i = 0; i < 64; i++) absent.lookup(`other-${i}`)(["x"], []);
    expect(absent.has("i1", "e4")).toBe(false);
    expect(absent.has("other-0", "x")).toBe(true);
  });
});
