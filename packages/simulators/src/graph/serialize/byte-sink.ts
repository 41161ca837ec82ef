/** A growable byte buffer that pages are written into directly (no intermediate strings). */
export class ByteSink {
  buf: Buffer;
  pos = 0;

  /** A sink of at least `capacity` bytes, writing into `reuse` when that is big enough. */
  constructor(capacity: number, reuse?: ArrayBuffer) {
    this.buf =
      reuse && reuse.byteLength >= capacity
        ? Buffer.from(reuse, 0, reuse.byteLength)
        : Buffer.allocUnsafe(capacity);
  }

  /** Makes room for at least `bytes` more. */
  reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** Appends bytes (a dozen or fewer by a plain loop, which beats `set` for a few bytes). */
  bytes(source: Uint8Array): void {
    const { buf } = this;
    let pos = this.pos;
    const length = source.length;
    if (length > 12) {
      buf.set(source, pos);
      pos += length;
    } else {
      for (let i = 0; i < length; i++) buf[pos++] = source[i] as number;
    }
    this.pos = pos;
  }

  /** Appends an ASCII string. */
  ascii(text: string): void {
    const { buf } = this;
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Appends any string as UTF-8. */
  utf8(text: string): void {
    this.reserve(text.length * 3);
    this.pos += this.buf.write(text, this.pos, "utf8");
  }

  /** Appends a non-negative integer in decimal, left-padded with zeros to `width`. */
  integer(value: number, width = 0): void {
    if (value > 0x7fffffff) {
      this.ascii(String(value).padStart(width, "0"));
      return;
    }
    const { buf } = this;
    let digits = 1;
    for (let v = value; v >= 10; v = (v / 10) | 0) digits++;
    const total = Math.max(digits, width);
    let end = this.pos + total;
    this.pos = end;
    let v = value;
    for (let i = 0; i < total; i++) {
      const next = (v / 10) | 0;
      buf[--end] = 48 + v - next * 10;
      v = next;
    }
  }

  /** The bytes written so far (a view, not a copy). */
  view(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** UTF-8 bytes of a string. */
export const utf8 = (text: string): Uint8Array => Buffer.from(text, "utf8");
