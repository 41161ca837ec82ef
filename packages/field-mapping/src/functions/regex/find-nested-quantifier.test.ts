import { describe, expect, it } from "vitest";
import { findNestedQuantifier } from "./find-nested-quantifier";

describe("findNestedQuantifier", () => {
  it.each([
    ["(a+)+", 3],
    ["(\\w*)*$", 4],
    ["^(?:x+|y){2,}", 8],
    ["((ab)+c)*", 7],
    ["(a{2,})+", 6],
  ])("finds the repeated repetition in %s", (pattern, at) => {
    expect(findNestedQuantifier(pattern)).toBe(at);
  });

  it.each([
    "(\\w+) (\\w+)",
    "l+",
    "(?<d>\\d+)",
    "(a+)?",
    "(ab)+",
    "(a{1})+",
    "[(a+)]+",
    "\\(a+\\)+",
    "[]]+(b)*",
    "(a|b)*c+",
  ])("accepts %s", (pattern) => {
    expect(findNestedQuantifier(pattern)).toBe(-1);
  });
});
