/**
 * Runs `work` over `items` in chunks of `chunkSize`, at most `concurrency` chunks at once, and waits for every
 * chunk to settle before it rejects with the first failure (so no write is left running behind the caller).
 */
export async function inChunks<T>(
  items: ReadonlyArray<T>,
  { chunkSize, concurrency }: { chunkSize: number; concurrency: number },
  work: (chunk: T[]) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const chunk = items.slice(next, next + chunkSize);
      next += chunkSize;
      await work(chunk);
    }
  };
  const lanes = Math.max(1, Math.min(concurrency, Math.ceil(items.length / chunkSize)));
  const settled = await Promise.allSettled(Array.from({ length: lanes }, lane));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
}
