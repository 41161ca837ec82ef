import type { GraphModel } from "../model/graph-model";

/** The user slot after the next `count` active users from slot `from` (or the end of the slots). */
export function advanceActiveUsers(model: GraphModel, from: number, count: number): number {
  const slots = model.userSlots;
  if (from + count <= slots && model.isPristineRange(from, from + count)) return from + count;
  let cursor = from;
  let seen = 0;
  while (cursor < slots && seen < count) {
    if (model.isPristineUser(cursor) || model.userEntry(cursor).state === "active") seen++;
    cursor++;
  }
  return cursor;
}
