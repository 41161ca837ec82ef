/** A whole number with thousands separators: `12,345`. */
export function formatNumber(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
