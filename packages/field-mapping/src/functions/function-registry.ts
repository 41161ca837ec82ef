import { MappingError } from "../errors/mapping-error";
import { builtinFunctions } from "./builtins/builtin-functions";
import type { FunctionDefinition } from "./function-definition";

/** The functions a mapping may call: the built-ins plus whatever plugins registered. Names are case-insensitive. */
export interface FunctionRegistry {
  /**
   * Adds a function. Built-in names are reserved.
   * @throws {MappingError} `MAPPING_INVALID_CONFIG` for a taken or malformed name or a bad arity.
   */
  register(name: string, definition: FunctionDefinition): FunctionRegistry;
  /** Looks a function up, ignoring case. */
  get(name: string): { name: string; definition: FunctionDefinition; builtin: boolean } | undefined;
  /** Every registered name, as registered. */
  names(): string[];
}

/** Creates a registry with every built-in already registered. */
export function createFunctionRegistry(): FunctionRegistry {
  const entries = new Map<string, { name: string; definition: FunctionDefinition; builtin: boolean }>();
  for (const [name, definition] of Object.entries(builtinFunctions)) {
    entries.set(name.toLowerCase(), { name, definition, builtin: true });
  }
  const registry: FunctionRegistry = {
    register(name, definition) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || ["true", "false", "null"].includes(name)) {
        throw new MappingError(
          "MAPPING_INVALID_CONFIG",
          `Function name ${JSON.stringify(name)} is not an identifier`,
        );
      }
      if (entries.has(name.toLowerCase())) {
        throw new MappingError("MAPPING_INVALID_CONFIG", `Function ${name} is already registered`);
      }
      const [min, max] = definition.arity;
      if (!Number.isInteger(min) || min < 0 || !(max >= min) || typeof definition.fn !== "function") {
        throw new MappingError("MAPPING_INVALID_CONFIG", `Function ${name} needs a valid arity and fn`);
      }
      entries.set(name.toLowerCase(), { name, definition, builtin: false });
      return registry;
    },
    get: (name) => entries.get(name.toLowerCase()),
    names: () => [...entries.values()].map((e) => e.name),
  };
  return registry;
}
