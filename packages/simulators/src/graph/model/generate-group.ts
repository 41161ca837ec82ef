import { deterministicGuid } from "../../random/deterministic-guid";
import { hash32 } from "../../random/hash32";
import type { GraphGroup } from "./graph-types";
import { DEPARTMENTS, OFFICES } from "./names";

/** Salt of group ids in {@link deterministicGuid}. */
export const GROUP_SALT = 2;

/** The generated group number `index`. Base membership is arithmetic: user `u` belongs to group `u % groups`. */
export function generateGroup(seed: number, index: number): GraphGroup {
  const h = hash32(seed, index, 21);
  const department = DEPARTMENTS[h % DEPARTMENTS.length] as string;
  const office = OFFICES[(h >>> 8) % OFFICES.length] as string;
  const displayName = `SG ${department} ${office} ${index + 1}`;
  return {
    id: deterministicGuid(seed, GROUP_SALT, index),
    displayName,
    description: index % 4 === 0 ? null : `Members of ${department} in ${office}`,
    mailEnabled: false,
    securityEnabled: true,
    mailNickname: `sg-${index + 1}`,
    createdDateTime: `${new Date(Date.UTC(2019, 0, 1) + (h % 1_000_000) * 60_000).toISOString().slice(0, 19)}Z`,
  };
}
