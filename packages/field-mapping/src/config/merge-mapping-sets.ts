import type { MappingRule, MappingSet, MappingSetOverrides } from "./mapping-set";

/**
 * Applies an admin's overrides to a connector's defaults. An override with a known target is merged over
 * the default rule field by field; `{ target, remove: true }` drops the default rule; other targets are
 * appended. Value-map tables are replaced by name. The result carries the overrides' version and
 * `baseVersion` = the defaults' version. Validate the result with `parseMappingSet` before use.
 */
export function mergeMappingSets(defaults: MappingSet, overrides: MappingSetOverrides): MappingSet {
  const rules = new Map<string, MappingRule>(defaults.rules.map((r) => [r.target, r]));
  for (const override of overrides.rules) {
    if (override.remove === true) {
      rules.delete(override.target);
      continue;
    }
    const { remove: _remove, ...rule } = override;
    const base = rules.get(rule.target);
    rules.set(rule.target, base === undefined ? (rule as MappingRule) : { ...base, ...rule });
  }
  const integrationId = overrides.integrationId ?? defaults.integrationId;
  const valueMaps = { ...defaults.valueMaps, ...overrides.valueMaps };
  return {
    version: overrides.version,
    baseVersion: defaults.version,
    ...(integrationId === undefined ? {} : { integrationId }),
    rules: [...rules.values()],
    ...(Object.keys(valueMaps).length === 0 ? {} : { valueMaps }),
  };
}
