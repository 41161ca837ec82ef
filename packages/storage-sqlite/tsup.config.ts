import { packageBuild } from "../../tsup.preset.ts";

// `node:sqlite` exists only with its prefix (there is no bare `sqlite` builtin), so keep `node:` in the output.
export default packageBuild({ index: "src/index.ts" }, { removeNodeProtocol: false });
