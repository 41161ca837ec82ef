import { MappingError } from "../errors/mapping-error";
import type { MappingSet } from "./mapping-set";
import { type ParseMappingSetOptions, parseMappingSet } from "./parse-mapping-set";

/**
 * Declares a mapping set in code (connector defaults): validates it like {@link parseMappingSet} and
 * returns it typed.
 *
 * @throws {MappingError} `MAPPING_INVALID_CONFIG` (or the first issue's code) with every issue in `issues`.
 */
export function defineMappingSet(json: MappingSet, options: ParseMappingSetOptions = {}): MappingSet {
  const result = parseMappingSet(json, options);
  if (result.success) return result.data;
  const [first] = result.issues;
  const summary = result.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new MappingError(first?.code ?? "MAPPING_INVALID_CONFIG", `Invalid mapping set: ${summary}`, {
    issues: result.issues,
    path: first?.path ?? [],
  });
}
