/** A validated, resolved expression node ready for either compiler. */
export type PlanNode =
  | { kind: "attribute"; path: string[] }
  | { kind: "constant"; value: unknown }
  | {
      kind: "call";
      /** Canonical (registered) name. */
      name: string;
      /** Built-in whose semantics the compilers may inline (IIF, And, Or, Not, Coalesce, ToLower, ...). */
      inline: boolean;
      fn: (...args: unknown[]) => unknown;
      args: PlanNode[];
    };

/** A rule after planning: resolved node, default, and the flags both compilers honour. */
export interface PlanRule {
  index: number;
  target: string;
  node: PlanNode | undefined;
  hasDefault: boolean;
  default: unknown;
  createOnly: boolean;
  ignoreIfEmpty: boolean;
  redact: boolean;
  /** First segments of every attribute the rule reads (for partial records). */
  attributes: string[];
}
