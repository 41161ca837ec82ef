import { demoCommand } from "../commands/demo";
import { initCommand } from "../commands/init";
import { integrationsAddCommand } from "../commands/integrations-add";
import { integrationsAddIntuneCommand } from "../commands/integrations-add-intune";
import { integrationsListCommand } from "../commands/integrations-list";
import { integrationsRemoveCommand } from "../commands/integrations-remove";
import { integrationsShowCommand } from "../commands/integrations-show";
import { integrationsDisableCommand, integrationsEnableCommand } from "../commands/integrations-toggle";
import { integrationsUpdateCommand } from "../commands/integrations-update";
import { keysRotateCommand } from "../commands/keys-rotate";
import { logsCommand } from "../commands/logs";
import { serveCommand } from "../commands/serve";
import { syncCommand } from "../commands/sync";
import { testCommand } from "../commands/test";
import type { Command } from "./command";
import { EXIT_CODES_HELP } from "./exit-codes";
import { GLOBAL_HELP } from "./global-options";

/** Every `uslimato` command, in the order `--help` lists them. */
export const COMMANDS: ReadonlyArray<Command> = [
  demoCommand,
  initCommand,
  integrationsAddCommand,
  integrationsAddIntuneCommand,
  integrationsListCommand,
  integrationsShowCommand,
  integrationsUpdateCommand,
  integrationsDisableCommand,
  integrationsEnableCommand,
  integrationsRemoveCommand,
  testCommand,
  syncCommand,
  logsCommand,
  serveCommand,
  keysRotateCommand,
];

/** `uslimato --help`: every command with its summary, the global flags and the exit codes. */
export function overviewHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `uslimato: configure, test, sync and serve Uslimato Interface Hub integrations

Usage: uslimato <command> [flags]     (uslimato <command> --help for its flags)

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

${GLOBAL_HELP}

${EXIT_CODES_HELP}
`;
}
