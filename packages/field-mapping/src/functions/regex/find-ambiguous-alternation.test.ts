import { describe, expect, it } from "vitest";
import { findAmbiguousAlternation } from "./find-ambiguous-alternation";

describe("findAmbiguousAlternation", () => {
  it.each([
    ["(a|a)*", 4],
    ["^(a|aa)+$", 6],
    ["(\\w|\\d)*x", 6],
    ["(?:x|)+", 5],
    ["(?<p>ab|AB){2,}", 10],
    ["((a|b)|ab)*", 9],
    ["(a\\d|a\\w)+", 8],
  ])("finds the repeated group in %s", (pattern, at) => {
    expect(findAmbiguousAlternation(pattern)).toBe(at);
  });

  it.each([
    "(a|b)*c+",
    "(ab|cd)+",
    "(bar|baz)+",
    "(a\\d|b\\w)+",
    "(a|aa)?",
    "(a|a)",
    "[(a|a)]+",
    "\\(a|a\\)+",
    "(?:Mr|Mrs)\\.? ",
    "(\\w+)@(\\w+)",
  ])("accepts %s", (pattern) => {
    expect(findAmbiguousAlternation(pattern)).toBe(-1);
  });
});
