function needsEscape(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** JSON text of a string, skipping `JSON.stringify` for the common case of nothing to escape. */
export function jsonString(value: string): string {
  return needsEscape(value) ? JSON.stringify(value) : `"${value}"`;
}

/** JSON text of a primitive, array of strings, or null. */
export function jsonValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return jsonString(value);
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}
