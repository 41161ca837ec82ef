import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readResponseText } from "./read-response-text";

/** A response whose body arrives in the given chunks. */
function chunked(chunks: Uint8Array[]): Response {
  let index = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** Bytes that are mostly text (multi-byte characters, maybe a byte order mark), some of them invalid UTF-8. */
const body = fc
  .tuple(
    fc.boolean(),
    fc.string({ unit: "binary", maxLength: 6000 }),
    fc.uint8Array({ maxLength: 20 }),
    fc.nat({ max: 12000 }),
  )
  .map(([bom, text, junk, padding]) => {
    const bytes = new TextEncoder().encode(`${text}${"x".repeat(padding)}`);
    const start = bom ? [0xef, 0xbb, 0xbf] : [];
    return new Uint8Array([...start, ...junk, ...bytes]);
  });

const split = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
  const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length)).filter((c) => c.length > 0);
};

describe("readResponseText", () => {
  it("reads the same text as response.text(), however the body is split, and shows its first 8 KiB once", async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.array(fc.nat(), { maxLength: 8 }), async (bytes, cuts) => {
        const heads: string[] = [];
        const text = await readResponseText(chunked(split(bytes, cuts)), (head) => heads.push(head));
        expect(text).toBe(await new Response(bytes).text());
        expect(heads).toEqual(
          bytes.length >= 8192 ? [new TextDecoder().decode(bytes.subarray(0, 8192))] : [],
        );
      }),
      { numRuns: 200 },
    );
  });

  it("shows the head before the rest of the body has arrived", async () => {
    const events: string[] = [];
    let release = (): void => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const response = new Response(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(`{"a":"${"x".repeat(9000)}",`));
          await held;
          events.push("rest sent");
          controller.enqueue(new TextEncoder().encode('"b":1}'));
          controller.close();
        },
      }),
    );
    const text = readResponseText(response, (head) => {
      events.push(`head ${head.length}`);
      release();
    });
    expect(JSON.parse(await text)).toMatchObject({ b: 1 });
    expect(events).toEqual(["head 8192", "rest sent"]);
  });

  it("returns a body whose head was shown after the event loop's check phase (a request sent from the head leaves first)", async () => {
    const order: string[] = [];
    const bytes = new TextEncoder().encode(`{"a":"${"x".repeat(20_000)}"}`);
    const text = await readResponseText(chunked([bytes.subarray(0, 9000), bytes.subarray(9000)]), () => {
      setImmediate(() => order.push("immediate"));
    });
    order.push("text");
    expect(order).toEqual(["immediate", "text"]);
    expect(text).toHaveLength(bytes.length);
  });

  it("reads with response.text() when nobody asks for the head", async () => {
    expect(await readResponseText(new Response("{}"), undefined)).toBe("{}");
  });
});
