import { describe, expect, it } from "vitest";
import { createPagesAhead } from "./pages-ahead";

const bytes = (text: string) => Buffer.from(text);

describe("createPagesAhead", () => {
  it("hands a page out once, and only at the sequence it was rendered at", async () => {
    const pages = createPagesAhead();
    pages.put("a", 7, bytes("page a"));
    pages.put("b", 7, Promise.resolve(bytes("page b")));
    expect(pages.has("a")).toBe(true);
    expect(pages.size).toBe(2);
    expect(Buffer.from((pages.take("a", 7) as Uint8Array) ?? []).toString()).toBe("page a");
    expect(pages.take("a", 7)).toBeUndefined();
    expect(pages.has("a")).toBe(false);
    expect(pages.take("b", 8)).toBeUndefined();
    expect(pages.size).toBe(0);
  });

  it("hands out a page still being rendered as its promise", async () => {
    const pages = createPagesAhead();
    pages.put("a", 1, Promise.resolve(bytes("later")));
    const taken = pages.take("a", 1);
    expect(taken).toBeInstanceOf(Promise);
    expect(Buffer.from(await taken!).toString()).toBe("later");
  });

  it("keeps at most `limit` pages, dropping the oldest", () => {
    const pages = createPagesAhead(2);
    for (const key of ["a", "b", "c"]) pages.put(key, 1, bytes(key));
    expect(pages.size).toBe(2);
    expect(pages.take("a", 1)).toBeUndefined();
    expect(pages.take("c", 1)).toBeDefined();
  });
});
