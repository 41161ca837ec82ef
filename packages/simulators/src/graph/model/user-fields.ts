import { deterministicGuid } from "../../random/deterministic-guid";
import { hash32 } from "../../random/hash32";
import type { GraphUser } from "./graph-types";
import {
  asciiFold,
  COMPANIES,
  COUNTRIES,
  DEPARTMENTS,
  GIVEN_NAMES,
  GUEST_DOMAINS,
  JOB_TITLES,
  OFFICES,
  SURNAMES,
  USAGE_LOCATIONS,
} from "./names";

/** Salt of user ids in `deterministicGuid`. */
export const USER_SALT = 1;

const EPOCH = Date.UTC(2019, 0, 1);
const FIVE_YEARS_S = 5 * 365 * 86_400;
const FOLDED_GIVEN = GIVEN_NAMES.map(asciiFold);
const FOLDED_SURNAMES = SURNAMES.map(asciiFold);

/** The random draws behind generated user `index`: two hashes and what follows from them. */
export interface UserDraw {
  seed: number;
  index: number;
  domain: string;
  h0: number;
  h1: number;
  given: number;
  surname: number;
  guest: boolean;
  place: number;
}

/** Draws user `index` (two hash calls; fields are computed only when asked for). */
export function drawUser(seed: number, index: number, domain: string): UserDraw {
  return drawUserInto({} as UserDraw, seed, index, domain);
}

/** {@link drawUser} into an existing draw, so a writer of many users allocates none. */
export function drawUserInto(d: UserDraw, seed: number, index: number, domain: string): UserDraw {
  const h0 = hash32(seed, index, 11);
  const h1 = hash32(seed, index, 12);
  d.seed = seed;
  d.index = index;
  d.domain = domain;
  d.h0 = h0;
  d.h1 = h1;
  d.given = h0 % GIVEN_NAMES.length;
  d.surname = (h0 >>> 8) % SURNAMES.length;
  d.guest = h1 % 100 < 2;
  d.place = (h1 >>> 8) % COUNTRIES.length;
  return d;
}

function pick<T>(list: readonly T[], value: number): T {
  return list[value % list.length] as T;
}

function local(d: UserDraw): string {
  return `${FOLDED_GIVEN[d.given]}.${FOLDED_SURNAMES[d.surname]}.${d.index}`;
}

function upn(d: UserDraw): string {
  const lower = local(d).toLowerCase();
  return d.guest ? `${lower}_${pick(GUEST_DOMAINS, d.h1 >>> 12)}#EXT#@${d.domain}` : `${lower}@${d.domain}`;
}

/**
 * How each user property follows from the draw. About 2% guests (`#EXT#` UPNs), 10% of members without
 * `mail`, 20% with mixed-case mail, 5% disabled.
 */
export const USER_FIELDS: { [K in keyof GraphUser]-?: (d: UserDraw) => GraphUser[K] } = {
  id: (d) => deterministicGuid(d.seed, USER_SALT, d.index),
  displayName: (d) => `${GIVEN_NAMES[d.given]} ${SURNAMES[d.surname]}`,
  givenName: (d) => GIVEN_NAMES[d.given] as string,
  surname: (d) => SURNAMES[d.surname] as string,
  mail: (d) => {
    if (d.guest) return `${local(d).toLowerCase()}@${pick(GUEST_DOMAINS, d.h1 >>> 12)}`;
    const roll = (d.h1 >>> 16) % 10;
    return roll === 0 ? null : roll < 3 ? `${local(d)}@${d.domain}` : upn(d);
  },
  userPrincipalName: upn,
  accountEnabled: (d) => (d.h1 >>> 20) % 100 >= 5,
  jobTitle: (d) => (d.guest ? null : pick(JOB_TITLES, d.h0 >>> 16)),
  department: (d) => (d.guest ? null : pick(DEPARTMENTS, d.h0 >>> 20)),
  country: (d) => COUNTRIES[d.place] as string,
  companyName: (d) => (d.guest ? null : pick(COMPANIES, d.place)),
  employeeId: (d) => (d.guest ? null : `E${String(d.index + 1).padStart(7, "0")}`),
  createdDateTime: (d) =>
    `${new Date(EPOCH + ((d.h0 ^ d.h1) % FIVE_YEARS_S) * 1000).toISOString().slice(0, 19)}Z`,
  userType: (d) => (d.guest ? "Guest" : "Member"),
  usageLocation: (d) => USAGE_LOCATIONS[d.place] as string,
  officeLocation: (d) => (d.guest ? null : pick(OFFICES, d.place + (d.h0 >>> 24))),
  mobilePhone: (d) =>
    (d.h0 >>> 4) % 3 === 0 ? `+49 151 ${String(d.h1 % 10_000_000).padStart(7, "0")}` : null,
  businessPhones: (d) =>
    (d.h0 >>> 6) % 2 === 0 ? [`+49 30 ${String(d.h0 % 1_000_000).padStart(6, "0")}`] : [],
  preferredLanguage: () => null,
};
