import type { GraphUser } from "./graph-types";
import { drawUser, USER_FIELDS, type UserDraw } from "./user-fields";

export { USER_SALT } from "./user-fields";

/** The generated user number `index` of a tenant: O(1), no state. */
export function generateUser(seed: number, index: number, domain: string): GraphUser {
  const d = drawUser(seed, index, domain);
  const user = {} as Record<string, unknown>;
  for (const [name, field] of Object.entries(USER_FIELDS))
    user[name] = (field as (draw: UserDraw) => unknown)(d);
  return user as unknown as GraphUser;
}
