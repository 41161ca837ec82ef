import { packageBuild } from "../../tsup.preset.ts";

export default packageBuild({
  index: "src/index.ts",
  connector: "src/connector.ts",
  storage: "src/storage.ts",
  testing: "src/testing.ts",
  webhooks: "src/webhooks.ts",
});
