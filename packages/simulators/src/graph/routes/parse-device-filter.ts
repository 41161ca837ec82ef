import type { ManagedDevice } from "../model/graph-types";
import { DEVICE_PROPERTIES } from "../serialize/entity-properties";

/** A compiled `$filter` over managed devices. */
export type DevicePredicate = (device: ManagedDevice) => boolean;

type Node =
  | { kind: "and" | "or"; items: Node[] }
  | { kind: "not"; item: Node }
  | { kind: "cmp"; property: string; op: string; value: string; quoted: boolean }
  | { kind: "call"; fn: string; property: string; value: string };

/** Real `managedDevice` properties the simulator does not model: filtering on them is ignored, not refused. */
const UNMODELLED = [
  "skuFamily",
  "deviceType",
  "phoneNumber",
  "subscriberCarrier",
  "easActivated",
  "easDeviceId",
  "easActivationDateTime",
  "exchangeAccessState",
  "exchangeAccessStateReason",
  "exchangeLastSuccessfulSyncDateTime",
  "deviceHealthAttestationState",
  "partnerReportedThreatState",
  "requireUserEnrollmentApproval",
  "managementCertificateExpirationDate",
  "enrollmentProfileName",
  "joinType",
  "ownerType",
];
const KNOWN = new Map([...DEVICE_PROPERTIES, ...UNMODELLED].map((p) => [p.toLowerCase(), p]));
const DATES = new Set(["lastSyncDateTime", "enrolledDateTime"]);
/** `eq` (and `or` of `eq` on the same property) is documented for these two. */
const OR_ABLE = new Set(["deviceCategoryDisplayName", "jailBroken"]);
const TOKEN = /\s*(?:('(?:[^']|'')*')|(\()|(\))|(,)|([^\s(),']+))/y;

class FilterSyntaxError extends Error {}

function tokenize(filter: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < filter.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(filter);
    if (!match) {
      if (filter.slice(start).trim() === "") break;
      throw new FilterSyntaxError(`Syntax error at position ${start} in '${filter}'.`);
    }
    tokens.push(match[0].trim());
  }
  return tokens;
}

function parse(tokens: string[]): Node {
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (): string => {
    const token = tokens[at++];
    if (token === undefined) throw new FilterSyntaxError("Unexpected end of $filter.");
    return token;
  };
  const expect = (token: string): void => {
    if (take() !== token) throw new FilterSyntaxError(`'${token}' expected in $filter.`);
  };
  const literal = (): { value: string; quoted: boolean } => {
    const token = take();
    return token.startsWith("'")
      ? { value: token.slice(1, -1).replace(/''/g, "'"), quoted: true }
      : { value: token, quoted: false };
  };
  function unary(): Node {
    const token = take();
    if (token === "(") {
      const inner = or();
      expect(")");
      return inner;
    }
    if (token.toLowerCase() === "not") return { kind: "not", item: unary() };
    if (peek() === "(") {
      take();
      const property = take();
      expect(",");
      const { value } = literal();
      expect(")");
      return { kind: "call", fn: token.toLowerCase(), property, value };
    }
    const op = take().toLowerCase();
    if (!["eq", "ne", "gt", "ge", "lt", "le"].includes(op))
      throw new FilterSyntaxError(`Unknown operator '${op}' in $filter.`);
    return { kind: "cmp", property: token, op, ...literal() };
  }
  function chain(kind: "and" | "or", next: () => Node): Node {
    const items = [next()];
    while (peek()?.toLowerCase() === kind) {
      take();
      items.push(next());
    }
    return items.length === 1 ? (items[0] as Node) : { kind, items };
  }
  const and = (): Node => chain("and", unary);
  const or = (): Node => chain("or", and);
  const tree = or();
  if (at !== tokens.length) throw new FilterSyntaxError(`Unexpected '${tokens[at]}' in $filter.`);
  return tree;
}

function property(name: string): keyof ManagedDevice {
  const known = KNOWN.get(name.toLowerCase());
  if (!known) {
    throw new FilterSyntaxError(
      `Could not find a property named '${name}' on type 'microsoft.graph.managedDevice'.`,
    );
  }
  return known as keyof ManagedDevice;
}

const text = (device: ManagedDevice, name: keyof ManagedDevice): string =>
  String(device[name] ?? "").toLowerCase();

/** The predicate Intune applies for a node, or `undefined` when Intune ignores it (all devices pass). */
function compile(node: Node): DevicePredicate | undefined {
  switch (node.kind) {
    case "and": {
      const tests = node.items.map(compile).filter((t): t is DevicePredicate => t !== undefined);
      return tests.length === 0 ? undefined : (d) => tests.every((test) => test(d));
    }
    case "or": {
      const names = node.items.map((item) =>
        item.kind === "cmp" && item.op === "eq" ? property(item.property) : undefined,
      );
      const first = names[0];
      if (!first || !OR_ABLE.has(first) || names.some((n) => n !== first)) return undefined;
      const values = new Set(node.items.map((item) => (item.kind === "cmp" ? item.value.toLowerCase() : "")));
      return (d) => values.has(text(d, first));
    }
    case "not":
      compile(node.item);
      return undefined;
    case "call": {
      const name = property(node.property);
      if (!["startswith", "endswith", "contains"].includes(node.fn))
        throw new FilterSyntaxError(`Unknown function '${node.fn}' in $filter.`);
      if (node.fn !== "startswith" || name !== "deviceName") return undefined;
      const prefix = node.value.toLowerCase();
      return (d) => text(d, name).startsWith(prefix);
    }
    case "cmp": {
      const name = property(node.property);
      if (DATES.has(name)) {
        const at = Date.parse(node.value);
        if (Number.isNaN(at))
          throw new FilterSyntaxError(`The DateTimeOffset literal '${node.value}' is not valid.`);
        if (node.op === "gt") return (d) => Date.parse(String(d[name])) > at;
        if (node.op === "lt") return (d) => Date.parse(String(d[name])) < at;
        return undefined;
      }
      if (node.op !== "eq" || !(OR_ABLE.has(name) || name === "operatingSystem")) return undefined;
      const value = node.value.toLowerCase();
      return (d) => text(d, name) === value;
    }
  }
}

/**
 * Compiles a managed-device `$filter` the way Intune applies it: only `lastSyncDateTime` / `enrolledDateTime`
 * with `lt` and `gt`, `eq` (and `or` of `eq`) on `deviceCategoryDisplayName` and `jailBroken`, `operatingSystem
 * eq` and `startsWith(deviceName, ...)` narrow the result; every other clause (`userId eq`, `ge`, `le`, `ne`,
 * `or` across properties, `not`) is silently ignored, clause by clause under `and`. Unknown properties and
 * syntax errors are refused (the error message is returned); `null` when nothing narrows the result.
 */
export function parseDeviceFilter(filter: string): DevicePredicate | null | string {
  try {
    return compile(parse(tokenize(filter))) ?? null;
  } catch (error) {
    if (error instanceof FilterSyntaxError) return error.message;
    throw error;
  }
}
