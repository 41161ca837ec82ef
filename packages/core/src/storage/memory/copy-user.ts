import type { StoredUser } from "../records";
import { copyJson } from "./copy-records";

/** A copy of a stored user, field by field (the hot path of every lookup). */
export function copyUser(user: StoredUser): StoredUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    active: user.active,
    role: user.role,
    hgeIdAccountId: user.hgeIdAccountId,
    attributes: hasKeys(user.attributes) ? copyJson(user.attributes) : {},
    createdAt: new Date(user.createdAt.getTime()),
    updatedAt: new Date(user.updatedAt.getTime()),
  };
}

function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}
