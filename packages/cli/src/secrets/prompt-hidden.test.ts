import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { InputStream } from "../cli/cli-io";
import { promptHidden } from "./prompt-hidden";

const fakeTty = () => {
  const stream = new PassThrough() as unknown as InputStream & PassThrough;
  const modes: boolean[] = [];
  stream.isTTY = true;
  stream.setRawMode = (mode: boolean) => modes.push(mode);
  return { stream, modes };
};

describe("promptHidden", () => {
  it("reads until Enter in raw mode, handles Backspace, and echoes nothing but the prompt", async () => {
    const { stream, modes } = fakeTty();
    const written: string[] = [];
    const answer = promptHidden(stream, { write: (t: string) => written.push(t) }, "Secret: ");
    stream.write("s3cr");
    stream.write("x\u007fet\r");
    expect(await answer).toBe("s3cret");
    expect(modes).toEqual([true, false]);
    expect(written.join("")).toBe("Secret: \n");
  });
  it("Ctrl-C cancels; no TTY is refused", async () => {
    const { stream } = fakeTty();
    const answer = promptHidden(stream, { write: () => true }, "Secret: ");
    stream.write("abc\u0003");
    await expect(answer).rejects.toMatchObject({ code: "CLI_SECRET_UNAVAILABLE" });
    const plain = new PassThrough() as unknown as InputStream;
    await expect(promptHidden(plain, { write: () => true }, "x")).rejects.toMatchObject({
      code: "CLI_SECRET_UNAVAILABLE",
    });
  });
});
