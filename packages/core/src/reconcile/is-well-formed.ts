/** Whether a string is valid Unicode (no unpaired surrogate): `String.prototype.isWellFormed` (ES2024). */
export function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}
