import type { GraphModel } from "../model/graph-model";
import type { GraphUser } from "../model/graph-types";
import { ByteSink } from "./byte-sink";
import { compileSelector } from "./compile-selector";
import { compileUserBytes } from "./compile-user-bytes";

const HEAD_ROOM = 4096;

/** Collects the `value` items of a users page as bytes: generated users on the fast path, changed ones as JSON. */
export interface UserPageWriter {
  /** Items written so far. */
  readonly count: number;
  /** Writes user slot `index` if it is active; returns whether it did. */
  addUser(index: number): boolean;
  /** Writes a ready JSON object (e.g. an `@removed` entry). */
  addJson(json: string): void;
  /**
   * The whole page: `head` (e.g. `{"@odata.context":...,"value":[`), the comma-separated items, then `tail`.
   * The head goes into room reserved in front of the items, so nothing is copied.
   */
  page(head: string, tail: string): Buffer;
}

/** Creates a page writer for a `$select`, sized for `pageSize` items. */
export function createUserPageWriter(
  model: GraphModel,
  select: readonly (keyof GraphUser)[],
  pageSize: number,
): UserPageWriter {
  const sink = new ByteSink(HEAD_ROOM + Math.min(pageSize, 999) * (40 + select.length * 30) + 1024);
  sink.pos = HEAD_ROOM;
  const write = compileUserBytes(select, model.seed, model.domain);
  const serialize = compileSelector<GraphUser>(select);
  let count = 0;
  const comma = (): void => {
    if (count++ === 0) return;
    sink.reserve(1);
    sink.buf[sink.pos++] = 44;
  };
  return {
    get count() {
      return count;
    },
    addUser(index) {
      if (model.isPristineUser(index)) {
        comma();
        write(sink, model.seed, index);
        return true;
      }
      const entry = model.userEntry(index);
      if (entry.state !== "active") return false;
      comma();
      sink.utf8(`{${serialize(entry.user)}}`);
      return true;
    },
    addJson(json) {
      comma();
      sink.utf8(json);
    },
    page(head, tail) {
      sink.utf8(tail);
      const headBytes = Buffer.from(head, "utf8");
      if (headBytes.length > HEAD_ROOM)
        return Buffer.concat([headBytes, sink.buf.subarray(HEAD_ROOM, sink.pos)]);
      const start = HEAD_ROOM - headBytes.length;
      sink.buf.set(headBytes, start);
      return sink.buf.subarray(start, sink.pos);
    },
  };
}
