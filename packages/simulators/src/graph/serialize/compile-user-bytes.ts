import { hash32 } from "../../random/hash32";
import type { GraphUser } from "../model/graph-types";
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
} from "../model/names";
import { drawUserInto, USER_FIELDS, USER_SALT, type UserDraw } from "../model/user-fields";
import { type BytePart, constantPart, fuseLookups } from "./byte-part";
import { type ByteSink, utf8 } from "./byte-sink";

/** Writes generated user `index` as a JSON object into a sink, computing only the selected fields. */
export type UserBytesWriter = (sink: ByteSink, seed: number, index: number) => void;

const HEX = utf8("0123456789abcdef");
const NULL = utf8("null");
const TRUE = utf8("true");
const FALSE = utf8("false");
const QUOTE = 34;
const quoted = (list: readonly string[]) => list.map((s) => utf8(JSON.stringify(s)));
const GIVEN = quoted(GIVEN_NAMES);
const SURNAME = quoted(SURNAMES);
const DISPLAY = GIVEN_NAMES.map((g) => SURNAMES.map((s) => utf8(JSON.stringify(`${g} ${s}`))));
const FOLD_GIVEN = GIVEN_NAMES.map((g) => [utf8(asciiFold(g)), utf8(asciiFold(g).toLowerCase())] as const);
const FOLD_SURNAME = SURNAMES.map((s) => [utf8(asciiFold(s)), utf8(asciiFold(s).toLowerCase())] as const);
const GUEST_HOMES = GUEST_DOMAINS.map((g) => utf8(g));
const POOLS = {
  jobTitle: quoted(JOB_TITLES),
  department: quoted(DEPARTMENTS),
  country: quoted(COUNTRIES),
  companyName: quoted(COMPANIES),
  officeLocation: quoted(OFFICES),
  usageLocation: quoted(USAGE_LOCATIONS),
};

function hex(sink: ByteSink, value: number, digits: number): void {
  const { buf } = sink;
  for (let shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    buf[sink.pos++] = HEX[(value >>> shift) & 15] as number;
}

function guid(sink: ByteSink, seed: number, index: number, mask: number): void {
  const a = hash32(seed, index, USER_SALT * 7 + 1);
  const b = hash32(seed, index, USER_SALT * 7 + 2);
  const { buf } = sink;
  buf[sink.pos++] = QUOTE;
  hex(sink, a, 8);
  buf[sink.pos++] = 45;
  hex(sink, b >>> 16, 4);
  buf[sink.pos++] = 45;
  buf[sink.pos++] = 52;
  hex(sink, b >>> 4, 3);
  buf[sink.pos++] = 45;
  buf[sink.pos++] = HEX[8 + (b & 3)] as number;
  hex(sink, a >>> 7, 3);
  buf[sink.pos++] = 45;
  hex(sink, Math.floor(index / 0x1000000) ^ (mask >>> 4), 6);
  hex(sink, (index & 0xffffff) ^ mask, 6);
  buf[sink.pos++] = QUOTE;
}

const G = GIVEN_NAMES.length;
const S = SURNAMES.length;
const EMPTY = Buffer.alloc(0);
const lookup = (key: (d: UserDraw) => number, table: readonly Uint8Array[]): BytePart => ({
  kind: "lookup",
  key,
  table,
});
const write = (fn: (sink: ByteSink, d: UserDraw) => void): BytePart => ({ kind: "write", write: fn });
const cat = (...parts: (Uint8Array | string)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? utf8(p) : p)));
/** One outcome per name pair: `given * S + surname`. */
const byName = (fn: (given: number, surname: number) => Uint8Array): Uint8Array[] =>
  Array.from({ length: G * S }, (_, i) => fn(Math.floor(i / S), i % S));
const nameKey = (d: UserDraw): number => d.given * S + d.surname;
/** `given.surname.` folded to ASCII, original case (0) or lower (1). */
const localPrefix = (given: number, surname: number, lower: 0 | 1): Uint8Array =>
  cat(
    (FOLD_GIVEN[given] as readonly Uint8Array[])[lower] as Uint8Array,
    ".",
    (FOLD_SURNAME[surname] as readonly Uint8Array[])[lower] as Uint8Array,
    ".",
  );
const writeIndex = write((s, d) => s.integer(d.index));

function joined(key: Uint8Array, values: readonly Uint8Array[]): Uint8Array[] {
  return values.map((v) => Buffer.concat([key, v]));
}

/** A pool value; with `guestNull`, outcome 0 is `null` (guests) and the pool follows. */
function pooled(
  key: Uint8Array,
  keyNull: Uint8Array,
  pool: readonly Uint8Array[],
  pick: (d: UserDraw) => number,
  guestNull: boolean,
): BytePart {
  const values = joined(key, pool);
  if (!guestNull) return lookup(pick, values);
  return lookup((d) => (d.guest ? 0 : 1 + pick(d)), [keyNull, ...values]);
}

/** Whether a member has no `mail` (10% of members; guests always have one). */
const noMail = (d: UserDraw): boolean => !d.guest && (d.h1 >>> 16) % 10 === 0;

/** The parts that write property `name`, its key included. */
function partsFor(name: keyof GraphUser, key: Uint8Array, domain: Uint8Array, mask: number): BytePart[] {
  const keyNull = cat(key, NULL);
  switch (name) {
    case "id":
      return [constantPart(key), write((s, d) => guid(s, d.seed, d.index, mask))];
    case "displayName":
      return [
        lookup(
          nameKey,
          byName((g, n) => cat(key, (DISPLAY[g] as Uint8Array[])[n] as Uint8Array)),
        ),
      ];
    case "givenName":
      return [lookup((d) => d.given, joined(key, GIVEN))];
    case "surname":
      return [lookup((d) => d.surname, joined(key, SURNAME))];
    case "accountEnabled":
      return [lookup((d) => ((d.h1 >>> 20) % 100 >= 5 ? 0 : 1), joined(key, [TRUE, FALSE]))];
    case "employeeId":
      return [
        lookup((d) => (d.guest ? 0 : 1), [keyNull, cat(key, '"E')]),
        write((s, d) => {
          if (d.guest) return;
          s.integer(d.index + 1, 7);
          s.buf[s.pos++] = QUOTE;
        }),
      ];
    case "userPrincipalName":
      return [
        lookup(
          nameKey,
          byName((g, n) => cat(key, '"', localPrefix(g, n, 1))),
        ),
        writeIndex,
        lookup(
          (d) => (d.guest ? 1 + ((d.h1 >>> 12) % GUEST_HOMES.length) : 0),
          [cat("@", domain, '"'), ...GUEST_HOMES.map((home) => cat("_", home, "#EXT#@", domain, '"'))],
        ),
      ];
    case "mail": {
      // outcome 0: no mail; else 1 + (lower case ? G * S : 0) + name pair
      const prefixes = [0, 1].flatMap((lower) =>
        byName((g, n) => cat(key, '"', localPrefix(g, n, lower as 0 | 1))),
      );
      return [
        lookup(
          (d) => (noMail(d) ? 0 : 1 + (d.guest || (d.h1 >>> 16) % 10 >= 3 ? G * S : 0) + nameKey(d)),
          [keyNull, ...prefixes],
        ),
        write((s, d) => {
          if (!noMail(d)) s.integer(d.index);
        }),
        lookup(
          (d) => (noMail(d) ? 0 : d.guest ? 2 + ((d.h1 >>> 12) % GUEST_HOMES.length) : 1),
          [EMPTY, cat("@", domain, '"'), ...GUEST_HOMES.map((home) => cat("@", home, '"'))],
        ),
      ];
    }
    case "jobTitle":
      return [pooled(key, keyNull, POOLS.jobTitle, (d) => (d.h0 >>> 16) % JOB_TITLES.length, true)];
    case "department":
      return [pooled(key, keyNull, POOLS.department, (d) => (d.h0 >>> 20) % DEPARTMENTS.length, true)];
    case "companyName":
      return [pooled(key, keyNull, POOLS.companyName, (d) => d.place % COMPANIES.length, true)];
    case "officeLocation":
      return [
        pooled(key, keyNull, POOLS.officeLocation, (d) => (d.place + (d.h0 >>> 24)) % OFFICES.length, true),
      ];
    case "country":
      return [pooled(key, keyNull, POOLS.country, (d) => d.place, false)];
    case "usageLocation":
      return [pooled(key, keyNull, POOLS.usageLocation, (d) => d.place, false)];
    default: {
      const field = USER_FIELDS[name] as (d: UserDraw) => unknown;
      return [
        write((s, d) => {
          s.bytes(key);
          s.utf8(JSON.stringify(field(d)));
        }),
      ];
    }
  }
}

const compiled = new Map<string, UserBytesWriter>();

/**
 * Compiles a `$select` into a byte writer for generated (never changed) users: every property with few
 * outcomes is pre-encoded UTF-8 (its key included) and neighbouring ones are fused into one table (see
 * {@link fuseLookups}), ids and numbers are written digit by digit, so a user costs a handful of copies, a page
 * of 999 well under a millisecond, and no per-user string or object is ever built. Compiled writers are kept per (`$select`, seed, domain) like query
 * plans (they hold only pre-encoded pool strings, never users), so a page does not pay for compiling.
 */
export function compileUserBytes(
  select: readonly (keyof GraphUser)[],
  seed: number,
  domain: string,
): UserBytesWriter {
  const key = `${seed}|${domain}|${select.join(",")}`;
  let writer = compiled.get(key);
  if (!writer) {
    writer = compile(select, seed, domain);
    if (compiled.size >= 64) compiled.clear();
    compiled.set(key, writer);
  }
  return writer;
}

function compile(select: readonly (keyof GraphUser)[], seed: number, domain: string): UserBytesWriter {
  const domainBytes = utf8(JSON.stringify(domain).slice(1, -1));
  const mask = hash32(seed, -1, USER_SALT) & 0xffffff;
  const parts = fuseLookups([
    ...select.flatMap((name, i) =>
      partsFor(name, utf8(`${i === 0 ? "{" : ","}"${name}":`), domainBytes, mask),
    ),
    constantPart(utf8("}")),
  ]);
  // a flat list of steps: a lookup's key function and table, or a write function
  const keys = parts.map((p) => (p.kind === "lookup" ? p.key : undefined));
  const tables = parts.map((p) => (p.kind === "lookup" ? p.table : undefined));
  const writes = parts.map((p) => (p.kind === "write" ? p.write : undefined));
  const count = parts.length;
  const d = {} as UserDraw;
  return (sink, s, index) => {
    sink.reserve(2048);
    drawUserInto(d, s, index, domain);
    for (let i = 0; i < count; i++) {
      const key = keys[i];
      if (key) sink.bytes((tables[i] as readonly Uint8Array[])[key(d)] as Uint8Array);
      else (writes[i] as (sink: ByteSink, d: UserDraw) => void)(sink, d);
    }
  };
}
