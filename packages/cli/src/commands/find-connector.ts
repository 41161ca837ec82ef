import type { AnyConnector, Hub } from "@uslimato/core";
import { CliError } from "../cli/cli-error";

/** The hub's connector with this id, or `CLI_USAGE` listing the known ones. */
export function findConnector(hub: Hub, id: string): AnyConnector {
  const connector = hub.connectors().find((c) => c.id === id);
  if (!connector)
    throw new CliError(
      "CLI_USAGE",
      `Unknown connector "${id}". Available: ${hub
        .connectors()
        .map((c) => c.id)
        .join(", ")}.`,
    );
  return connector;
}
