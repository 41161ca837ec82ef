import type { FunctionDefinition } from "../function-definition";
import { collectionFunctions, numberFunctions } from "./collection-functions";
import { dateFunctions } from "./date-functions";
import { logicFunctions } from "./logic-functions";
import { textFunctions } from "./text-functions";
import { textSearchFunctions } from "./text-search-functions";

/** Every built-in function by name: the Entra set plus And, Or, Trim, MapValue, FormatNumber, Equals. */
export const builtinFunctions: Readonly<Record<string, FunctionDefinition>> = Object.freeze({
  ...textFunctions,
  ...textSearchFunctions,
  ...logicFunctions,
  ...collectionFunctions,
  ...numberFunctions,
  ...dateFunctions,
});
