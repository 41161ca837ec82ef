import { packageBuild } from "../../tsup.preset.ts";

// Code splitting: each command's implementation is its own chunk, imported only when that command runs
// (without it, the ESM bundle hoists every command's imports, and `uslimato --help` loads msw, pg and node:sqlite).
export default packageBuild({ index: "src/index.ts", bin: "src/bin.ts" }, { splitting: true });
