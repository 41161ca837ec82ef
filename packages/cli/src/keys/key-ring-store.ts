import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createKeyRing, generateKey, type KeyRing } from "@uslimato/credential-store";
import { CliError } from "../cli/cli-error";
import { DEMO_ONLY_WARNING, type KeyRingFile, keyRingFileSchema } from "./key-ring-file";

/** A new key ring file with one freshly generated key `k1`. */
export function newKeyRingFile(options: { demoOnly?: boolean; now?: Date } = {}): KeyRingFile {
  const createdAt = (options.now ?? new Date()).toISOString();
  return {
    format: "uslimato-key-ring/1",
    ...(options.demoOnly ? { warning: DEMO_ONLY_WARNING } : {}),
    activeKeyId: "k1",
    keys: [{ id: "k1", key: generateKey().toString("base64"), createdAt }],
  };
}

/** Adds a freshly generated key with the next free id `kN` and makes it active. */
export function addKey(file: KeyRingFile, now = new Date()): KeyRingFile {
  const taken = new Set(file.keys.map((k) => k.id));
  let n = file.keys.length + 1;
  while (taken.has(`k${n}`)) n++;
  const id = `k${n}`;
  return {
    ...file,
    activeKeyId: id,
    keys: [{ id, key: generateKey().toString("base64"), createdAt: now.toISOString() }, ...file.keys],
  };
}

/** Writes the key ring file with mode 0600 (written aside, then renamed, so a crash leaves the old file). */
export async function writeKeyRingFile(path: string, file: KeyRingFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, path);
}

/** Reads and validates the key ring file: `CLI_KEY_RING_INVALID` names the file, never a key. */
export async function readKeyRingFile(path: string): Promise<KeyRingFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new CliError("CLI_KEY_RING_INVALID", `Cannot read the key ring file ${path}.`, { cause: error });
  }
  const parsed = keyRingFileSchema.safeParse(json);
  if (!parsed.success || !parsed.data.keys.some((k) => k.id === parsed.data.activeKeyId))
    throw new CliError(
      "CLI_KEY_RING_INVALID",
      `The key ring file ${path} is not valid (expected format uslimato-key-ring/1 with the active key listed).`,
    );
  return parsed.data;
}

/** The credential store's key ring from the file's keys. */
export function toKeyRing(file: KeyRingFile): KeyRing {
  try {
    return createKeyRing({
      keys: file.keys.map((k) => ({ id: k.id, key: Buffer.from(k.key, "base64") })),
      activeKeyId: file.activeKeyId,
    });
  } catch (error) {
    throw new CliError("CLI_KEY_RING_INVALID", "The key ring file holds an invalid key.", { cause: error });
  }
}
