/**
 * Incremental, strict parser of an HTTP/1.1 head: start line, header fields, blank line. Shared by
 * requests (downstream), responses (upstream) and chunked trailers. Lines are parsed as they
 * complete, so a head split across reads is scanned once and only an incomplete last line is ever
 * copied. Refused (RFC 9112 §2.2, §5): bare LF, bare CR, obs-fold, whitespace before the colon,
 * empty or non-token names, `_` in names, NUL/CTL/DEL in values, more than `maxFields` fields or
 * `maxBytes` bytes. Values are trimmed of OWS, except Transfer-Encoding, whose trailing whitespace
 * is kept so that the framing check refuses `chunked ` obfuscations instead of silently fixing them.
 */
import { COLON, CR, HTAB, LF, NAME_CHAR, SP, VALUE_CHAR } from './chars.ts';
import { bad, ParseError } from './parse-error.ts';

export const NEED_MORE = -1;
export const FAILED = -2;

interface Latin1Buffer { latin1Slice(start: number, end: number): string }
/** Buffer#latin1Slice skips toString's argument juggling; latin1 maps bytes 1:1 (obs-text survives a round trip). */
export const latin1 = (b: Buffer, start: number, end: number): string => (b as unknown as Latin1Buffer).latin1Slice(start, end);

export interface HeadLimits {
  readonly maxBytes: number;
  readonly maxFields: number;
  /** Status for a head over the limits: 431 for requests, 400 for trailers. */
  readonly tooLargeStatus: 400 | 431;
}

export class HeadParser {
  readonly #limits: HeadLimits;
  readonly #withStartLine: boolean;
  startLine = '';
  /** Flat `[name, value, name, value, ...]`, names as received. */
  raw: string[] = [];
  /** Lower-case names, one per field (raw[2i] lower-cased). */
  lower: string[] = [];
  error: ParseError | null = null;
  #bytes = 0;
  #partial: Buffer | null = null;
  #sawStart = false;

  constructor(limits: HeadLimits, withStartLine: boolean) {
    this.#limits = limits;
    this.#withStartLine = withStartLine;
  }

  /** True once any byte of the current head has been consumed (a request has begun). */
  get started(): boolean {
    return this.#bytes > 0 || this.#partial !== null;
  }

  reset(): void {
    this.startLine = '';
    this.raw = [];
    this.lower = [];
    this.error = null;
    this.#bytes = 0;
    this.#partial = null;
    this.#sawStart = false;
  }

  /** Consumes `buf[start, end)`: the offset just past the blank line, NEED_MORE, or FAILED (see `error`). */
  feed(buf: Buffer, start: number, end: number): number {
    let pos = start;
    if (this.#partial !== null) {
      const lf = buf.indexOf(LF, pos);
      if (lf === -1 || lf >= end) return this.#keepPartial(buf, pos, end);
      const line = Buffer.concat([this.#partial, buf.subarray(pos, lf + 1)]);
      this.#partial = null;
      const r = this.#line(line, 0, line.length - 1);
      if (r !== NEED_MORE) return r === FAILED ? FAILED : lf + 1;
      pos = lf + 1;
    }
    while (pos < end) {
      const lf = buf.indexOf(LF, pos);
      if (lf === -1 || lf >= end) return this.#keepPartial(buf, pos, end);
      const r = this.#line(buf, pos, lf);
      if (r !== NEED_MORE) return r === FAILED ? FAILED : lf + 1;
      pos = lf + 1;
    }
    return NEED_MORE;
  }

  #keepPartial(buf: Buffer, pos: number, end: number): number {
    if (pos === end) return NEED_MORE;
    const tail = buf.subarray(pos, end);
    // A bare CR can be refused at once; waiting for the LF would let a client park bytes here.
    const cr = tail.indexOf(CR);
    if (cr !== -1 && cr < tail.length - 1) return this.#fail(bad('bare CR'));
    this.#partial = this.#partial === null ? Buffer.from(tail) : Buffer.concat([this.#partial, tail]);
    if (this.#bytes + this.#partial.length > this.#limits.maxBytes) return this.#fail(new ParseError(this.#limits.tooLargeStatus, 'head too large'));
    return NEED_MORE;
  }

  /** One line `b[s, lf]`; NEED_MORE to go on, 0 at the blank line, FAILED. */
  #line(b: Buffer, s: number, lf: number): number {
    this.#bytes += lf + 1 - s;
    if (this.#bytes > this.#limits.maxBytes) return this.#fail(new ParseError(this.#limits.tooLargeStatus, 'head too large'));
    if (lf === s || b[lf - 1] !== CR) return this.#fail(bad('bare LF'));
    const e = lf - 1;
    if (e === s) {
      // RFC 9112 §2.2: empty lines before a request line are ignored (stray CRLF after a body).
      if (this.#withStartLine && !this.#sawStart) return NEED_MORE;
      return 0;
    }
    if (this.#withStartLine && !this.#sawStart) {
      this.#sawStart = true;
      this.startLine = latin1(b, s, e);
      return NEED_MORE;
    }
    return this.#field(b, s, e);
  }

  #field(b: Buffer, s: number, e: number): number {
    const first = b[s]!;
    if (first === SP || first === HTAB) return this.#fail(bad('obs-fold'));
    let i = s;
    while (i < e && NAME_CHAR[b[i]!] === 1) i++;
    if (i === e || b[i] !== COLON) return this.#fail(bad(b[i] === 0x5f ? 'underscore in header name' : 'malformed header name'));
    if (i === s) return this.#fail(bad('empty header name'));
    if (this.lower.length >= this.#limits.maxFields) return this.#fail(new ParseError(this.#limits.tooLargeStatus, 'too many headers'));
    const name = latin1(b, s, i);
    const lower = name.toLowerCase();
    let v = i + 1;
    for (let j = v; j < e; j++) if (VALUE_CHAR[b[j]!] !== 1) return this.#fail(bad('invalid byte in header value'));
    while (v < e && (b[v] === SP || b[v] === HTAB)) v++;
    let ve = e;
    if (lower !== 'transfer-encoding') while (ve > v && (b[ve - 1] === SP || b[ve - 1] === HTAB)) ve--;
    this.raw.push(name, latin1(b, v, ve));
    this.lower.push(lower);
    return NEED_MORE;
  }

  #fail(error: ParseError): number {
    this.error = error;
    return FAILED;
  }
}
