/**
 * Worker thread entry of {@link createPageRenderPool}: renders generated users pages and transfers their bytes
 * back to the server thread without a copy.
 */
import { parentPort } from "node:worker_threads";
import { type GeneratedPageJob, renderGeneratedPage } from "./render-generated-page";

/** A message to the worker: a job, or the memory of a page that has been sent, to render the next ones into. */
export type RenderRequest = { id: number; job: GeneratedPageJob } | { recycle: ArrayBuffer };

/** Memory handed back for reuse; a few pages' worth is plenty for pages rendered two ahead. */
const spare: ArrayBuffer[] = [];

/** The worker's answer: the page's bytes are `bytes` (its memory now belongs to the receiver). */
export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

parentPort?.on("message", (message: RenderRequest) => {
  if ("recycle" in message) {
    if (spare.length < 4) spare.push(message.recycle);
    return;
  }
  const { id, job } = message;
  try {
    const page = renderGeneratedPage(job, spare.pop());
    // a small page may sit in Buffer's shared pool: give it memory of its own before handing it over
    const bytes = page.buffer.byteLength > Buffer.poolSize ? page : new Uint8Array(page);
    parentPort?.postMessage({ id, bytes } satisfies RenderReply, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) } satisfies RenderReply);
  }
});
