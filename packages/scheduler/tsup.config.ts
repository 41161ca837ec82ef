import { packageBuild } from "../../tsup.preset.ts";

export default packageBuild({ index: "src/index.ts", "pg-boss": "src/pg-boss/index.ts" });
