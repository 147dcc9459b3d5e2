/**
 * Strict decoder of the chunked transfer coding (RFC 9112 §7.1), shared by request bodies
 * (downstream) and response bodies (upstream). Refused: a size that is not 1–12 hex digits (no
 * sign, `0x`, whitespace or overflow), anything but `;` right after the size, CTLs/bare CR/bare LF
 * in extensions, data not followed by exactly CRLF, a malformed or oversized trailer section.
 * Data is handed on as sub-views of the buffers read (no copy); the chunk framing itself is dropped
 * and re-created by whoever writes the body on the next hop.
 */
import { CR, LF, VALUE_CHAR, hexValue } from './chars.ts';
import { FAILED, HeadParser, NEED_MORE } from './head-parser.ts';
import { MAX_CHUNK_LINE_BYTES, MAX_CHUNK_SIZE_DIGITS, MAX_HEADERS, MAX_TRAILER_BYTES } from './limits.ts';
import { bad, type ParseError } from './parse-error.ts';

export interface ChunkSink {
  onBodyData(data: Buffer): void;
}

const SIZE = 0;
const SIZE_MORE = 1;
const EXT = 2;
const SIZE_LF = 3;
const DATA = 4;
const DATA_CR = 5;
const DATA_LF = 6;
const TRAILERS = 7;
const DONE = 8;

export class ChunkedDecoder {
  readonly #sink: ChunkSink;
  #state = SIZE;
  #size = 0;
  #digits = 0;
  #lineBytes = 0;
  #trailerParser: HeadParser | null = null;
  error: ParseError | null = null;
  /** Trailer fields (flat, as received) once the body is complete; empty when there were none. */
  trailers: string[] = [];

  constructor(sink: ChunkSink) {
    this.#sink = sink;
  }

  reset(): void {
    this.#state = SIZE;
    this.#size = 0;
    this.#digits = 0;
    this.#lineBytes = 0;
    this.#trailerParser?.reset();
    this.error = null;
    this.trailers = [];
  }

  get done(): boolean {
    return this.#state === DONE;
  }

  /** Decodes `buf[start, end)`: the offset just past the body, NEED_MORE, or FAILED (see `error`). */
  feed(buf: Buffer, start: number, end: number): number {
    let i = start;
    while (i < end) {
      switch (this.#state) {
        case DATA: {
          const n = Math.min(this.#size, end - i);
          this.#sink.onBodyData(buf.subarray(i, i + n));
          i += n;
          this.#size -= n;
          if (this.#size === 0) this.#state = DATA_CR;
          break;
        }
        case SIZE:
        case SIZE_MORE: {
          const c = buf[i]!;
          const h = hexValue(c);
          if (h !== -1) {
            if (++this.#digits > MAX_CHUNK_SIZE_DIGITS) return this.#fail('chunk size too large');
            this.#size = this.#size * 16 + h;
            this.#state = SIZE_MORE;
          } else if (this.#state === SIZE) {
            return this.#fail('invalid chunk size');
          } else if (c === 0x3b /* ; */) {
            this.#state = EXT;
          } else if (c === CR) {
            this.#state = SIZE_LF;
          } else {
            return this.#fail('invalid chunk size');
          }
          i++;
          if (++this.#lineBytes > MAX_CHUNK_LINE_BYTES) return this.#fail('chunk line too long');
          break;
        }
        case EXT: {
          const c = buf[i]!;
          if (c === CR) this.#state = SIZE_LF;
          else if (VALUE_CHAR[c] !== 1) return this.#fail('invalid chunk extension');
          i++;
          if (++this.#lineBytes > MAX_CHUNK_LINE_BYTES) return this.#fail('chunk line too long');
          break;
        }
        case SIZE_LF:
          if (buf[i++] !== LF) return this.#fail('bare CR in chunk line');
          this.#lineBytes = 0;
          this.#digits = 0;
          if (this.#size === 0) {
            this.#state = TRAILERS;
            this.#trailerParser ??= new HeadParser({ maxBytes: MAX_TRAILER_BYTES, maxFields: MAX_HEADERS, tooLargeStatus: 400 }, false);
          } else {
            this.#state = DATA;
          }
          break;
        case DATA_CR:
          if (buf[i++] !== CR) return this.#fail('chunk data longer than its size');
          this.#state = DATA_LF;
          break;
        case DATA_LF:
          if (buf[i++] !== LF) return this.#fail('bare CR after chunk data');
          this.#state = SIZE;
          break;
        case TRAILERS: {
          const parser = this.#trailerParser!;
          const r = parser.feed(buf, i, end);
          if (r === NEED_MORE) return NEED_MORE;
          if (r === FAILED) {
            this.error = parser.error;
            return FAILED;
          }
          this.trailers = parser.raw;
          parser.reset();
          this.#state = DONE;
          return r;
        }
        default:
          return i;
      }
    }
    return NEED_MORE;
  }

  #fail(reason: string): number {
    this.error = bad(reason);
    return FAILED;
  }
}
