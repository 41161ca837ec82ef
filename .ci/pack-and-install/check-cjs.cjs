// Loads the installed packages through `require` and runs the checks (see checks.mjs).
import("./checks.mjs").then(({ main }) => main("cjs", (specifier) => require(specifier)));
