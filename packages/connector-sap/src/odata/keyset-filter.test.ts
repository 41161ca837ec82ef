import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { andFilters, keysetFilter } from "./keyset-filter";

type Tuple = [string, string, string];

/** Evaluates the expanded keyset filter on a row, the way a server would. */
function evaluate(filter: string, row: Tuple): boolean {
  return filter.split(" or ").some((branch) =>
    branch
      .replace(/^\(|\)$/g, "")
      .split(" and ")
      .every((term) => {
        const [name, op, literal] = term.split(" ") as [string, string, string];
        const value = row[Number(name.slice(1))] as string;
        const other = literal.slice(1, -1);
        return op === "eq" ? value === other : value > other;
      }),
  );
}

describe("keysetFilter", () => {
  it("writes one key and the expanded compound form", () => {
    expect(keysetFilter([{ name: "Equipment", value: { type: "string", value: "100" } }], "v2")).toBe(
      "Equipment gt '100'",
    );
    expect(
      keysetFilter(
        [
          { name: "Equipment", value: { type: "string", value: "100" } },
          { name: "ValidityEndDate", value: { type: "dateTime", value: "9999-12-31T00:00:00" } },
        ],
        "v2",
      ),
    ).toBe(
      "(Equipment gt '100') or (Equipment eq '100' and ValidityEndDate gt datetime'9999-12-31T00:00:00')",
    );
    expect(keysetFilter([], "v4")).toBeUndefined();
    expect(andFilters("A eq 1", undefined, "B gt 2 or C gt 3")).toBe("A eq 1 and (B gt 2 or C gt 3)");
  });

  it("selects exactly the rows after the last key in key order (property)", () => {
    const part = fc.constantFrom("a", "b", "c");
    const tuple = fc.tuple(part, part, part);
    fc.assert(
      fc.property(fc.array(tuple, { minLength: 1, maxLength: 30 }), tuple, (rows, last) => {
        const filter = keysetFilter(
          last.map((value, i) => ({ name: `k${i}`, value: { type: "string" as const, value } })),
          "v4",
        ) as string;
        for (const row of rows) expect(evaluate(filter, row)).toBe(row.join("\u0000") > last.join("\u0000"));
      }),
    );
  });
});
