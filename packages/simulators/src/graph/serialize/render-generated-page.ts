import type { GraphUser } from "../model/graph-types";
import { ByteSink } from "./byte-sink";
import { compileUserBytes } from "./compile-user-bytes";

/** What a generated users page is a pure function of: a range of untouched user slots and its frame. */
export interface GeneratedPageJob {
  seed: number;
  domain: string;
  select: (keyof GraphUser)[];
  /** First slot; every slot up to `to` (exclusive) holds its generated, never changed, user. */
  from: number;
  to: number;
  /** `{"@odata.context":...,"value":[` */
  head: string;
  /** `]}` or the deltaLink tail. */
  tail: string;
}

/**
 * Renders a page of generated users into one buffer (into `reuse` when it is big enough, so a server sending
 * page after page allocates none). Needs no model: generated users follow from seed and slot.
 */
export function renderGeneratedPage(job: GeneratedPageJob, reuse?: ArrayBuffer): Uint8Array {
  const write = compileUserBytes(job.select, job.seed, job.domain);
  const head = Buffer.from(job.head, "utf8");
  const sink = new ByteSink(head.length + (job.to - job.from) * (40 + job.select.length * 32) + 1024, reuse);
  sink.bytes(head);
  for (let index = job.from; index < job.to; index++) {
    if (index > job.from) {
      sink.reserve(1);
      sink.buf[sink.pos++] = 44;
    }
    write(sink, job.seed, index);
  }
  sink.utf8(job.tail);
  return sink.view();
}
