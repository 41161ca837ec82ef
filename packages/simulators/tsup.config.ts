import { packageBuild } from "../../tsup.preset.ts";

export default packageBuild(
  {
    index: "src/index.ts",
    cli: "src/cli.ts",
    // loaded by `new Worker(...)` beside the bundle, never imported
    "render-worker": "src/graph/serialize/render-worker.ts",
  },
  { shims: true },
);
