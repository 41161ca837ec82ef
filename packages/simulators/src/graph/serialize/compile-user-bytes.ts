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
import { drawUser, USER_FIELDS, USER_SALT, type UserDraw } from "../model/user-fields";
import { type ByteSink, utf8 } from "./byte-sink";

/** Writes generated user `index` as a JSON object into a sink, computing only the selected fields. */
export type UserBytesWriter = (sink: ByteSink, seed: number, index: number) => void;

type Encoder = (sink: ByteSink, d: UserDraw) => void;

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

/** `given.surname.index` folded to ASCII, original case or lower. */
function local(sink: ByteSink, d: UserDraw, lower: 0 | 1): void {
  sink.bytes((FOLD_GIVEN[d.given] as readonly Uint8Array[])[lower] as Uint8Array);
  sink.buf[sink.pos++] = 46;
  sink.bytes((FOLD_SURNAME[d.surname] as readonly Uint8Array[])[lower] as Uint8Array);
  sink.buf[sink.pos++] = 46;
  sink.integer(d.index);
}

function joined(key: Uint8Array, values: readonly Uint8Array[]): Uint8Array[] {
  return values.map((v) => Buffer.concat([key, v]));
}

function encoderFor(name: keyof GraphUser, key: Uint8Array, domain: Uint8Array): Encoder {
  const keyNull = Buffer.concat([key, NULL]);
  switch (name) {
    case "displayName": {
      const names = DISPLAY.map((row) => joined(key, row));
      return (s, d) => s.bytes((names[d.given] as Uint8Array[])[d.surname] as Uint8Array);
    }
    case "givenName": {
      const names = joined(key, GIVEN);
      return (s, d) => s.bytes(names[d.given] as Uint8Array);
    }
    case "surname": {
      const names = joined(key, SURNAME);
      return (s, d) => s.bytes(names[d.surname] as Uint8Array);
    }
    case "accountEnabled": {
      const [yes, no] = joined(key, [TRUE, FALSE]) as [Uint8Array, Uint8Array];
      return (s, d) => s.bytes((d.h1 >>> 20) % 100 >= 5 ? yes : no);
    }
    case "employeeId":
      return (s, d) => {
        if (d.guest) return s.bytes(keyNull);
        s.bytes(key);
        s.buf[s.pos++] = QUOTE;
        s.buf[s.pos++] = 69;
        s.integer(d.index + 1, 7);
        s.buf[s.pos++] = QUOTE;
      };
    case "userPrincipalName":
      return (s, d) => {
        s.bytes(key);
        s.buf[s.pos++] = QUOTE;
        local(s, d, 1);
        if (d.guest) {
          s.buf[s.pos++] = 95;
          s.bytes(GUEST_HOMES[(d.h1 >>> 12) % GUEST_HOMES.length] as Uint8Array);
          s.ascii("#EXT#");
        }
        s.buf[s.pos++] = 64;
        s.bytes(domain);
        s.buf[s.pos++] = QUOTE;
      };
    case "mail":
      return (s, d) => {
        const roll = (d.h1 >>> 16) % 10;
        if (!d.guest && roll === 0) return s.bytes(keyNull);
        s.bytes(key);
        s.buf[s.pos++] = QUOTE;
        local(s, d, d.guest || roll >= 3 ? 1 : 0);
        s.buf[s.pos++] = 64;
        s.bytes(d.guest ? (GUEST_HOMES[(d.h1 >>> 12) % GUEST_HOMES.length] as Uint8Array) : domain);
        s.buf[s.pos++] = QUOTE;
      };
    case "jobTitle": {
      const pool = joined(key, POOLS.jobTitle);
      return (s, d) => s.bytes(d.guest ? keyNull : (pool[(d.h0 >>> 16) % JOB_TITLES.length] as Uint8Array));
    }
    case "department": {
      const pool = joined(key, POOLS.department);
      return (s, d) => s.bytes(d.guest ? keyNull : (pool[(d.h0 >>> 20) % DEPARTMENTS.length] as Uint8Array));
    }
    case "companyName": {
      const pool = joined(key, POOLS.companyName);
      return (s, d) => s.bytes(d.guest ? keyNull : (pool[d.place % COMPANIES.length] as Uint8Array));
    }
    case "officeLocation": {
      const pool = joined(key, POOLS.officeLocation);
      return (s, d) =>
        s.bytes(d.guest ? keyNull : (pool[(d.place + (d.h0 >>> 24)) % OFFICES.length] as Uint8Array));
    }
    case "country": {
      const pool = joined(key, POOLS.country);
      return (s, d) => s.bytes(pool[d.place] as Uint8Array);
    }
    case "usageLocation": {
      const pool = joined(key, POOLS.usageLocation);
      return (s, d) => s.bytes(pool[d.place] as Uint8Array);
    }
    default: {
      const field = USER_FIELDS[name] as (d: UserDraw) => unknown;
      return (s, d) => {
        s.bytes(key);
        s.utf8(JSON.stringify(field(d)));
      };
    }
  }
}

const compiled = new Map<string, UserBytesWriter>();

/**
 * Compiles a `$select` into a byte writer for generated (never changed) users: pool strings are pre-encoded
 * UTF-8, ids and numbers are written digit by digit, so a page of 999 users costs well under a millisecond
 * and no per-user string is ever built. Compiled writers are kept per (`$select`, seed, domain) like query
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
  const keys = select.map((name, i) => utf8(`${i === 0 ? "{" : ","}"${name}":`));
  const encoders: Encoder[] = select.map((name, i) => {
    const key = keys[i] as Uint8Array;
    return name === "id"
      ? (sink, d) => {
          sink.bytes(key);
          guid(sink, d.seed, d.index, mask);
        }
      : encoderFor(name, key, domainBytes);
  });
  const count = select.length;
  return (sink, s, index) => {
    sink.reserve(2048);
    const d = drawUser(s, index, domain);
    for (let i = 0; i < count; i++) (encoders[i] as Encoder)(sink, d);
    sink.buf[sink.pos++] = 125;
  };
}
