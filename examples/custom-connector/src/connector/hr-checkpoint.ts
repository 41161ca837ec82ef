import { z } from "zod";

/**
 * Where a read resumes. `since: null` means a full read (ordered by id); otherwise only people changed at or
 * after `since`. `cursor` is the API's cursor inside the current round; `watermark` is the `asOf` of the round's
 * first page, which becomes the next round's `since` — so changes made during a round are read by the next.
 */
export interface HrCheckpoint {
  since: string | null;
  cursor: string | null;
  watermark: string | null;
}

const checkpointSchema = z.object({
  since: z.string().nullable(),
  cursor: z.string().nullable(),
  watermark: z.string().nullable(),
});

/** The checkpoint the hub saved, or a fresh full read for `null` (or a checkpoint of another shape). */
export function parseHrCheckpoint(value: unknown): HrCheckpoint {
  const parsed = checkpointSchema.safeParse(value);
  return parsed.success ? parsed.data : { since: null, cursor: null, watermark: null };
}
