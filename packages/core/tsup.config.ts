import { packageBuild } from "../../tsup.preset.ts";

export default packageBuild({
  index: "src/index.ts",
  testing: "src/testing.ts",
  webhooks: "src/webhooks.ts",
});
