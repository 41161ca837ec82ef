import { describe, expect, it } from "vitest";
import { createColors } from "./colors";
import { renderTable } from "./render-table";

describe("renderTable", () => {
  it("pads columns to their widest cell, right-aligns numbers, ignores color codes when measuring", () => {
    const green = createColors(true).green;
    const text = renderTable(
      [
        { header: "name", value: (r: { name: string; n: number }) => r.name },
        { header: "n", value: (r) => (r.n > 5 ? green(String(r.n)) : String(r.n)), right: true },
      ],
      [
        { name: "a", n: 1 },
        { name: "longer", n: 1234 },
      ],
    );
    const plain = text.replaceAll("\u001b[32m", "").replaceAll("\u001b[39m", "");
    expect(plain.split("\n")).toEqual(["name       n", "------  ----", "a          1", "longer  1234"]);
  });
});
