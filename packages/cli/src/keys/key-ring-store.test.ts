import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_ONLY_WARNING } from "./key-ring-file";
import { addKey, newKeyRingFile, readKeyRingFile, toKeyRing, writeKeyRingFile } from "./key-ring-store";

describe("key ring file", () => {
  it("round-trips with mode 0600; addKey activates a new id; demo rings carry the warning", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "usl-ring-")), "keys.json");
    const rotated = addKey(addKey(newKeyRingFile({ demoOnly: true })));
    await writeKeyRingFile(path, rotated);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const back = await readKeyRingFile(path);
    expect(back.warning).toBe(DEMO_ONLY_WARNING);
    expect(back.activeKeyId).toBe("k3");
    expect(toKeyRing(back).keyIds).toEqual(["k3", "k2", "k1"]);
    expect(JSON.stringify(toKeyRing(back))).not.toContain(back.keys[0]?.key);
  });
  it("a damaged file is a configuration error that names the file, never a key", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "usl-ring-")), "keys.json");
    const file = newKeyRingFile();
    await writeKeyRingFile(path, { ...file, activeKeyId: "nope" });
    await expect(readKeyRingFile(path)).rejects.toMatchObject({ code: "CLI_KEY_RING_INVALID", exitCode: 3 });
    await expect(readKeyRingFile(path)).rejects.not.toThrow(file.keys[0]?.key ?? "-");
    expect(await readFile(path, "utf8")).toContain("nope");
  });
});
