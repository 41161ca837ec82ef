/** One column of {@link renderTable}. */
export interface TableColumn<Row> {
  header: string;
  value: (row: Row) => string;
  /** Right-align (numbers). */
  right?: boolean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI color codes to measure widths
const ANSI = /\u001b\[[0-9;]*m/g;
const width = (text: string): number => text.replace(ANSI, "").length;

/**
 * A plain-text table: a header, a rule, one line per row, columns padded to their widest cell.
 *
 * @example
 * ```ts
 * renderTable([{ header: "id", value: (r) => r.id }], [{ id: "a" }]); // "id\n--\na "
 * ```
 */
export function renderTable<Row>(columns: ReadonlyArray<TableColumn<Row>>, rows: ReadonlyArray<Row>): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, i) =>
    Math.max(width(column.header), ...cells.map((line) => width(line[i] ?? ""))),
  );
  const pad = (text: string, i: number): string => {
    const gap = " ".repeat((widths[i] ?? 0) - width(text));
    return columns[i]?.right ? gap + text : text + gap;
  };
  const line = (texts: ReadonlyArray<string>): string => texts.map(pad).join("  ").trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.map(line),
  ].join("\n");
}
