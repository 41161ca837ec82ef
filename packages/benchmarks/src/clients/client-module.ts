import { fileURLToPath } from "node:url";

/** Absolute path of a client module in `src/clients/`, for a child process to import. */
export function clientModule(name: string): string {
  return fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
}
