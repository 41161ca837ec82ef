import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBodyWithHead } from "./read-body-with-head";

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

/** Bytes that are mostly text (multi-byte characters, maybe a byte order mark or a Graph head), some invalid UTF-8. */
const body = fc
  .tuple(
    fc.boolean(),
    fc.boolean(),
    fc.string({ unit: "binary", maxLength: 3000 }),
    fc.uint8Array({ maxLength: 20 }),
  )
  .map(([bom, graph, text, junk]) => {
    const head = graph ? '{"@odata.count":3,"@odata.nextLink":"https://x/y?a=\\u00e9","value":[' : "";
    const bytes = new TextEncoder().encode(`${head}${text}`);
    return new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...bytes, ...junk]);
  });

const split = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
  const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length)).filter((c) => c.length > 0);
};

describe("readBodyWithHead", () => {
  it("reads the same text as response.text(), however the body is split", async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.array(fc.nat(), { maxLength: 8 }), async (bytes, cuts) => {
        const text = await readBodyWithHead(chunked(split(bytes, cuts)), () => {});
        expect(text).toBe(await new Response(bytes).text());
      }),
      { numRuns: 300 },
    );
  });

  it("shows the head before the rest of the body, and returns the body after the event loop's check phase", async () => {
    const order: string[] = [];
    let release = (): void => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const response = new Response(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(
            new TextEncoder().encode('{"@odata.count":2,"@odata.nextLink":"https://x/2","value":['),
          );
          await held;
          order.push("rest sent");
          controller.enqueue(new TextEncoder().encode('{"id":"1"}]}'));
          controller.close();
        },
      }),
    );
    const text = await readBodyWithHead(response, (members) => {
      order.push(`head ${members["@odata.nextLink"]}`);
      // a request started here is written from a setImmediate, as Node's fetch writes it
      setImmediate(() => order.push("request written"));
      release();
    });
    order.push("body returned");
    expect(order).toEqual(["head https://x/2", "rest sent", "request written", "body returned"]);
    expect(JSON.parse(text)).toMatchObject({ value: [{ id: "1" }] });
  });

  it("reads the rest of the body only once the promise onHead returned settled", async () => {
    const chunks = ['{"@odata.nextLink":"https://x/2","value":[', '{"id":"1"},', '{"id":"2"}]}'].map((text) =>
      new TextEncoder().encode(text),
    );
    let pulled = 0;
    const response = new Response(
      new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            const chunk = chunks[pulled++];
            if (chunk === undefined) controller.close();
            else controller.enqueue(chunk);
          },
        },
        { highWaterMark: 0 },
      ),
    );
    let leave = (): void => {};
    let pulledAtHead = -1;
    let pulledBeforeLeaving = -1;
    const reading = readBodyWithHead(response, () => {
      pulledAtHead = pulled;
      return new Promise<void>((resolve) => {
        leave = () => {
          pulledBeforeLeaving = pulled;
          resolve();
        };
      });
    });
    // several turns of the event loop: the reader must not go on while the request is not on the wire
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    leave();
    const text = await reading;
    expect(pulledBeforeLeaving).toBe(pulledAtHead);
    expect(JSON.parse(text)).toEqual({ "@odata.nextLink": "https://x/2", value: [{ id: "1" }, { id: "2" }] });
  });
});
