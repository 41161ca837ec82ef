import { Worker } from "node:worker_threads";
import { type GeneratedPageJob, renderGeneratedPage } from "./render-generated-page";
import type { RenderReply, RenderRequest } from "./render-worker";

/** Renders generated users pages off the server's thread when it can, on it when it cannot. */
export interface PageRenderPool {
  render(job: GeneratedPageJob): Promise<Uint8Array>;
  /**
   * Hands the memory of a rendered page back once it has been sent, for the next pages to be rendered into.
   * The page must not be used afterwards.
   */
  recycle(page: Uint8Array): void;
  /** Whether pages are rendered by a worker thread (false until one is online, and if none can start). */
  readonly threaded: boolean;
  close(): Promise<void>;
}

/**
 * The worker's entry file, beside this module: `render-worker.ts` when running from source (the process must
 * then have a TypeScript loader such as tsx, which worker threads inherit), else the built `.js` / `.cjs`.
 */
function workerFile(): URL {
  const self = import.meta.url;
  const extension = self.endsWith(".ts") ? ".ts" : self.endsWith(".cjs") ? ".cjs" : ".js";
  return new URL(`./render-worker${extension}`, self);
}

/**
 * Creates a pool of one worker thread that renders pages while the server thread answers requests (on a
 * machine with two or more cores the two run side by side). The worker starts on the first job; if it cannot
 * start (no built worker file, no TypeScript loader when running from source) or fails, jobs are rendered on
 * the calling thread instead, with the same bytes. The worker never keeps the process alive.
 */
export function createPageRenderPool(options: { threads?: boolean } = {}): PageRenderPool {
  let worker: Worker | undefined;
  let broken = options.threads === false;
  let online = false;
  let nextId = 1;
  const pending = new Map<number, { resolve: (bytes: Uint8Array) => void; job: GeneratedPageJob }>();

  /** Stops using the worker; jobs still out are rendered here. */
  const fallBack = (): void => {
    broken = true;
    worker = undefined;
    for (const [id, { resolve, job }] of pending) {
      pending.delete(id);
      resolve(renderGeneratedPage(job));
    }
  };

  const start = (): Worker | undefined => {
    if (broken) return undefined;
    if (worker) return worker;
    try {
      worker = new Worker(workerFile());
    } catch {
      fallBack();
      return undefined;
    }
    worker.unref();
    worker.on("online", () => {
      online = true;
    });
    worker.on("message", (reply: RenderReply) => {
      const entry = pending.get(reply.id);
      if (!entry) return;
      pending.delete(reply.id);
      entry.resolve("bytes" in reply ? reply.bytes : renderGeneratedPage(entry.job));
    });
    worker.on("error", fallBack);
    worker.on("exit", () => {
      if (!broken) fallBack();
    });
    return worker;
  };

  return {
    get threaded() {
      return online && !broken;
    },
    render(job) {
      const thread = start();
      if (!thread) return Promise.resolve(renderGeneratedPage(job));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve, job });
        thread.postMessage({ id, job } satisfies RenderRequest);
      });
    },
    recycle(page) {
      const memory = page.buffer;
      if (!worker || !online || !(memory instanceof ArrayBuffer) || memory.byteLength <= Buffer.poolSize)
        return;
      worker.postMessage({ recycle: memory } satisfies RenderRequest, [memory]);
    },
    async close() {
      const thread = worker;
      fallBack();
      await thread?.terminate();
    },
  };
}
