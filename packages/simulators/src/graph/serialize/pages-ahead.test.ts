import { describe, expect, it } from "vitest";
import { createPagesAhead } from "./pages-ahead";

const turn = () => new Promise((resolve) => setImmediate(resolve));
const bytes = (text: string) => Buffer.from(text);

describe("createPagesAhead", () => {
  it("hands a page out once, and only at the sequence it was rendered at", async () => {
    const pages = createPagesAhead();
    pages.schedule(
      "a",
      7,
      () => 7,
      () => bytes("page a"),
    );
    pages.schedule(
      "b",
      7,
      () => 7,
      () => bytes("page b"),
    );
    expect(pages.take("a", 7)).toBeUndefined(); // not rendered before the next turn
    await turn();
    expect(pages.size).toBe(2);
    expect(Buffer.from(pages.take("a", 7) ?? []).toString()).toBe("page a");
    expect(pages.take("a", 7)).toBeUndefined();
    expect(pages.take("b", 8)).toBeUndefined();
    expect(pages.size).toBe(0);
  });

  it("renders nothing when the model moved on before its turn, or when the renderer declines", async () => {
    const pages = createPagesAhead();
    let sequence = 1;
    let rendered = 0;
    pages.schedule(
      "a",
      1,
      () => sequence,
      () => {
        rendered++;
        return bytes("a");
      },
    );
    pages.schedule(
      "b",
      1,
      () => sequence,
      () => undefined,
    );
    sequence = 2;
    await turn();
    expect(rendered).toBe(0);
    pages.schedule(
      "b",
      2,
      () => sequence,
      () => undefined,
    );
    await turn();
    expect(pages.size).toBe(0);
  });

  it("keeps at most `limit` pages, dropping the oldest", async () => {
    const pages = createPagesAhead(2);
    for (const key of ["a", "b", "c"])
      pages.schedule(
        key,
        1,
        () => 1,
        () => bytes(key),
      );
    await turn();
    expect(pages.size).toBe(2);
    expect(pages.take("a", 1)).toBeUndefined();
    expect(pages.take("c", 1)).toBeDefined();
  });
});
