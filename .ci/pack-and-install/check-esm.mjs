// Loads the installed packages through `import` and runs the checks (see checks.mjs).
import { main } from "./checks.mjs";

await main("esm", (specifier) => import(specifier));
