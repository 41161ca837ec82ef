import { describe, expect, it } from "vitest";
import { colorsWanted, createColors } from "./colors";

describe("colors", () => {
  const tty = { write: () => true, isTTY: true };
  it("only on a TTY, and never with NO_COLOR, --no-color or TERM=dumb", () => {
    expect(colorsWanted(tty, {}, false)).toBe(true);
    expect(colorsWanted({ write: () => true }, {}, false)).toBe(false);
    expect(colorsWanted(tty, { NO_COLOR: "1" }, false)).toBe(false);
    expect(colorsWanted(tty, { NO_COLOR: "" }, false)).toBe(true);
    expect(colorsWanted(tty, {}, true)).toBe(false);
    expect(colorsWanted(tty, { TERM: "dumb" }, false)).toBe(false);
  });
  it("off means the text is unchanged", () => {
    expect(createColors(false).red("x")).toBe("x");
    expect(createColors(true).red("x")).toBe("\u001b[31mx\u001b[39m");
  });
});
