import { CliError } from "../cli/cli-error";
import type { InputStream, OutputStream } from "../cli/cli-io";

/**
 * Asks for a value on a terminal without echoing it (raw mode): Enter ends, Backspace deletes, Ctrl-C or Ctrl-D
 * cancels. The prompt goes to `output` (stderr), the value is never written anywhere.
 */
export function promptHidden(input: InputStream, output: OutputStream, prompt: string): Promise<string> {
  if (!input.isTTY || !input.setRawMode)
    return Promise.reject(new CliError("CLI_SECRET_UNAVAILABLE", "No terminal to prompt for the secret."));
  const setRawMode = input.setRawMode.bind(input);
  output.write(prompt);
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: CliError) => {
      input.off("data", onData);
      setRawMode(false);
      input.pause();
      output.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003" || ch === "\u0004")
          return finish(new CliError("CLI_SECRET_UNAVAILABLE", "Cancelled: no secret entered."));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}
