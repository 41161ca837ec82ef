import type { StreamedBody } from "../../http/sim-exchange";
import type { GraphModel } from "../model/graph-model";
import type { GraphUser } from "../model/graph-types";
import { ByteSink } from "./byte-sink";
import { compileSelector } from "./compile-selector";
import { compileUserBytes } from "./compile-user-bytes";

/** Bytes per streamed chunk: big enough for few socket writes, small enough for the client to start early. */
const CHUNK = 64 * 1024;

/**
 * A users page as a streamed body: `head`, the active users of slots `from` to `to` (exclusive) separated by
 * commas, then `tail`, generated in ~64 KiB chunks while they are sent. Generated users take the compiled
 * byte writer, changed ones their JSON. The body can be read once.
 */
export function streamUserPage(
  model: GraphModel,
  select: readonly (keyof GraphUser)[],
  from: number,
  to: number,
  head: string,
  tail: string,
): StreamedBody {
  return { chunks: generate() };

  function* generate(): Generator<Uint8Array> {
    const write = compileUserBytes(select, model.seed, model.domain);
    const serialize = compileSelector<GraphUser>(select);
    let sink = new ByteSink(CHUNK + 4096);
    sink.utf8(head);
    let first = true;
    for (let index = from; index < to; index++) {
      const pristine = model.isPristineUser(index);
      const entry = pristine ? undefined : model.userEntry(index);
      if (entry && entry.state !== "active") continue;
      if (!first) {
        sink.reserve(1);
        sink.buf[sink.pos++] = 44;
      }
      first = false;
      if (entry) sink.utf8(`{${serialize(entry.user)}}`);
      else write(sink, model.seed, index);
      if (sink.pos >= CHUNK) {
        yield sink.view();
        sink = new ByteSink(CHUNK + 4096);
      }
    }
    sink.utf8(tail);
    yield sink.view();
  }
}
