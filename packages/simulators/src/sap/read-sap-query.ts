import type { RowPredicate } from "./filter-predicate";
import { filterPredicate } from "./filter-predicate";
import { type KeyLowerBound, keyLowerBound } from "./key-lower-bound";
import { ODataFilterError, parseODataFilter } from "./parse-odata-filter";
import type { SapEntitySet } from "./sap-entity-set";

/** One `$expand` item: a navigation with its own `$select` / `$filter` (v4 options or v2 `nav/Prop` paths). */
export interface SapExpand {
  navigation: string;
  select?: string[];
  predicate?: RowPredicate;
  expand: SapExpand[];
}

/** The query options of a collection request, checked against the entity set. */
export interface SapQuery {
  select: string[];
  /** Whether `$select` was given (v2 then leaves out deferred navigation links). */
  selected: boolean;
  predicate: RowPredicate;
  bound?: KeyLowerBound;
  order: Array<{ property: string; desc: boolean }>;
  top?: number;
  skip: number;
  expand: SapExpand[];
  count: boolean;
  skiptoken?: string;
}

/** A refused query option: answered 400 with this SAP message. */
export class SapQueryError extends Error {
  override readonly name = "SapQueryError";
  constructor(
    readonly sapCode: string,
    message: string,
  ) {
    super(message);
  }
}

const COMMON = ["$select", "$filter", "$top", "$skip", "$skiptoken", "$orderby", "$expand", "$format"];
const ALLOWED = { v2: new Set([...COMMON, "$inlinecount"]), v4: new Set([...COMMON, "$count"]) };

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function filterOf(
  text: string,
  set: SapEntitySet,
  version: "v2" | "v4",
): { predicate: RowPredicate; bound?: KeyLowerBound } {
  try {
    const node = parseODataFilter(text, set.properties, version);
    const bound = keyLowerBound(node, set.keys);
    return { predicate: filterPredicate(node), ...(bound ? { bound } : {}) };
  } catch (error) {
    if (!(error instanceof ODataFilterError)) throw error;
    throw new SapQueryError(
      version === "v2" ? "/IWBEP/CM_MGW_RT/022" : "/IWBEP/CM_V4_RUNTIME/021",
      `Invalid filter expression: '${text}'. ${error.message}`,
    );
  }
}

function checkSelect(list: string[], set: SapEntitySet): void {
  const unknown = list.find((s) => !(s in set.properties) && s !== "*");
  if (unknown) throw new SapQueryError("/IWBEP/CM_MGW_RT/021", `Property '${unknown}' is invalid`);
}

function expandOf(
  text: string,
  set: SapEntitySet,
  sets: readonly SapEntitySet[],
  version: "v2" | "v4",
): SapExpand[] {
  const items: SapExpand[] = [];
  for (const item of splitTopLevel(text, ",")) {
    const open = item.indexOf("(");
    const path = (open === -1 ? item : item.slice(0, open)).trim();
    const [head, ...rest] = path.split("/");
    const navigation = set.navigations?.[head ?? ""];
    const target = navigation && sets.find((s) => s.name === navigation.target);
    if (!navigation || !target || (version === "v4" && rest.length > 0)) {
      throw new SapQueryError(
        "/IWBEP/CM_MGW_RT/004",
        `Navigation property '${path}' in $expand is not supported`,
      );
    }
    let entry = items.find((e) => e.navigation === head);
    if (!entry) {
      entry = { navigation: head as string, expand: [] };
      items.push(entry);
    }
    if (rest.length > 0) entry.expand.push(...expandOf(rest.join("/"), target, sets, version));
    if (open !== -1) {
      if (!item.endsWith(")")) throw new SapQueryError("/IWBEP/CM_MGW_RT/004", `Invalid $expand '${item}'`);
      for (const option of splitTopLevel(item.slice(open + 1, -1), ";")) {
        const eq = option.indexOf("=");
        const name = option.slice(0, eq);
        const value = option.slice(eq + 1);
        if (name === "$select") {
          entry.select = value.split(",").map((s) => s.trim());
          checkSelect(entry.select, target);
        } else if (name === "$filter") entry.predicate = filterOf(value, target, version).predicate;
        else if (name === "$expand") entry.expand.push(...expandOf(value, target, sets, version));
        else throw new SapQueryError("/IWBEP/CM_MGW_RT/004", `Option '${name}' in $expand is not supported`);
      }
    }
  }
  return items;
}

/**
 * Reads and checks the query options of a collection request: unknown or version-foreign system query options
 * (`$count` in v2, `$inlinecount` in v4, `$search`, `$apply`), unknown properties in `$select` / `$orderby`,
 * unknown navigations in `$expand` and invalid `$filter` expressions are refused as SAP Gateway refuses them.
 *
 * @throws SapQueryError with the SAP message class and text.
 */
export function readSapQuery(
  params: URLSearchParams,
  set: SapEntitySet,
  sets: readonly SapEntitySet[],
  version: "v2" | "v4",
): SapQuery {
  for (const name of params.keys()) {
    if (name.startsWith("$") && !ALLOWED[version].has(name)) {
      throw new SapQueryError("/IWBEP/CM_MGW_RT/004", `System query option '${name}' is not supported`);
    }
  }
  const top = params.get("$top");
  const skip = params.get("$skip");
  if ((top !== null && !/^\d+$/.test(top)) || (skip !== null && !/^\d+$/.test(skip))) {
    throw new SapQueryError("/IWBEP/CM_MGW_RT/006", "Invalid $top or $skip value");
  }
  const selectText = params.get("$select");
  const selectList = (selectText ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // v2 lets $select name expanded navigation paths (to_X or to_X/Prop): they are checked with $expand
  const own = selectList.filter((s) => !s.includes("/") && !set.navigations?.[s]);
  checkSelect(own, set);
  const select = own.length === 0 || own.includes("*") ? Object.keys(set.properties) : own;
  const filterText = params.get("$filter");
  const filter = filterText ? filterOf(filterText, set, version) : { predicate: () => true };
  const order = (params.get("$orderby") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((term) => {
      const [property = "", direction = "asc", extra] = term.split(/\s+/);
      if (!(property in set.properties) || (direction !== "asc" && direction !== "desc") || extra) {
        throw new SapQueryError("/IWBEP/CM_MGW_RT/021", `Invalid $orderby '${term}'`);
      }
      return { property, desc: direction === "desc" };
    });
  const inline = params.get("$inlinecount");
  const count = params.get("$count");
  if (
    (inline !== null && inline !== "allpages" && inline !== "none") ||
    (count !== null && count !== "true" && count !== "false")
  ) {
    throw new SapQueryError(
      "/IWBEP/CM_MGW_RT/004",
      `Invalid value of ${inline !== null ? "$inlinecount" : "$count"}`,
    );
  }
  const expandText = params.get("$expand");
  return {
    select,
    selected: selectList.length > 0,
    predicate: filter.predicate,
    ...(filter.bound ? { bound: filter.bound } : {}),
    order,
    ...(top !== null ? { top: Number(top) } : {}),
    skip: Number(skip ?? 0),
    expand: expandText ? expandOf(expandText, set, sets, version) : [],
    count: inline === "allpages" || count === "true",
    ...(params.get("$skiptoken") ? { skiptoken: params.get("$skiptoken") as string } : {}),
  };
}
