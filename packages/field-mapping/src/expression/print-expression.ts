import type { Expression } from "./expression";

const printSegment = (segment: string) => segment.replace(/[\\.\]]/g, (c) => "\\" + c);

/**
 * Prints a syntax tree in the Entra-style string form. `parseExpression(printExpression(tree))` gives back
 * an equal tree (`Equals`/`NotEquals` calls print as calls, which parse back to the same nodes).
 */
export function printExpression(tree: Expression): string {
  switch (tree.type) {
    case "attribute":
      return "[" + tree.path.map(printSegment).join(".") + "]";
    case "constant": {
      const v = tree.value;
      if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
      return JSON.stringify(v);
    }
    case "call":
      return tree.name + "(" + tree.args.map(printExpression).join(", ") + ")";
  }
}
