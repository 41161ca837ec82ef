import type { ReadContext, SourcePage } from "@uslimato/core/connector";
import { parseHrCheckpoint } from "./hr-checkpoint";
import type { HrSecretName, HrSettings } from "./hr-settings";
import { openHrApi } from "./open-hr-api";

/**
 * Reads people page by page from the checkpoint on: a full read (ordered by id, with sweep markers, so people
 * deleted in HR are deactivated) when there is no checkpoint, otherwise the people changed since the last round.
 * Each page's checkpoint resumes right after it; the last one starts the next incremental round.
 */
export async function* readHrPeople(ctx: ReadContext<HrSettings, HrSecretName>): AsyncGenerator<SourcePage> {
  const api = openHrApi(ctx.settings, ctx.secrets, { signal: ctx.signal });
  const { since, cursor: resumeAt, watermark: startWatermark } = parseHrCheckpoint(ctx.checkpoint);
  let cursor = resumeAt;
  let watermark = startWatermark;
  let first = cursor === null;
  do {
    ctx.signal.throwIfAborted();
    const page = await api.listPeople({ limit: ctx.settings.pageSize, cursor, updatedSince: since });
    watermark ??= page.asOf;
    const last = page.next === null;
    yield {
      kind: "user",
      upserts: page.people.map(({ id, ...data }) => ({ externalId: id, data })),
      removals: [],
      checkpoint: last
        ? { since: watermark, cursor: null, watermark: null }
        : { since, cursor: page.next, watermark },
      ...(since === null ? { fullScan: { first, last } } : {}),
    };
    first = false;
    cursor = page.next;
  } while (cursor !== null);
}
