/**
 * From a parsed head to a checked HTTP/1.1 response (upstream side), with the same framing rules as
 * requests: one Content-Length, Transfer-Encoding exactly `chunked` and never with Content-Length.
 * A response that is neither length- nor chunk-delimited is read until the backend closes.
 */
import { VALUE_CHAR } from './chars.ts';
import {
  FRAMING_CHUNKED, FRAMING_NONE, FRAMING_UNTIL_CLOSE, LENGTH, checkTransferEncoding, connectionOptions, parseContentLength,
  type Framing,
} from './framing.ts';
import type { HeadParser } from './head-parser.ts';
import { bad, ParseError } from './parse-error.ts';

export interface H1Response {
  readonly status: number;
  readonly reason: string;
  readonly raw: string[];
  readonly lower: string[];
  /** How the body is delimited on this hop (NO_BODY for HEAD, 1xx, 204, 304). */
  readonly framing: Framing;
  /** Content-Length as declared (kept for HEAD answers), or -1. */
  readonly declaredLength: number;
  /** The backend allows another request on this connection. */
  readonly keepAlive: boolean;
  /** The joined Connection header, for dropping the headers it names. */
  readonly connection: string | undefined;
}

/** `HTTP/1.x SP 3DIGIT [SP reason]` → [minor, status, reason]. */
export function parseStatusLine(line: string): [minor: number, status: number, reason: string] | ParseError {
  if (line.length < 12 || !line.startsWith('HTTP/1.') || line.charCodeAt(8) !== 0x20) return bad('malformed status line');
  const minor = line.charCodeAt(7) - 0x30;
  if (minor !== 0 && minor !== 1) return bad('unsupported HTTP version');
  let status = 0;
  for (let i = 9; i < 12; i++) {
    const d = line.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return bad('malformed status code');
    status = status * 10 + d;
  }
  if (status < 100) return bad('malformed status code');
  if (line.length === 12) return [minor, status, ''];
  if (line.charCodeAt(12) !== 0x20) return bad('malformed status line');
  for (let i = 13; i < line.length; i++) if (VALUE_CHAR[line.charCodeAt(i)] !== 1) return bad('invalid byte in reason phrase');
  return [minor, status, line.slice(13)];
}

export function checkResponse(head: HeadParser, requestWasHead: boolean): H1Response | ParseError {
  const parsed = parseStatusLine(head.startLine);
  if (parsed instanceof ParseError) return parsed;
  const [minor, status, reason] = parsed;
  const { raw, lower } = head;
  let length: string | undefined;
  let te: string | undefined;
  let connection: string | undefined;
  for (let i = 0; i < lower.length; i++) {
    const name = lower[i]!;
    if (name === 'content-length') {
      if (length !== undefined) return bad('duplicate Content-Length');
      length = raw[2 * i + 1]!;
    } else if (name === 'transfer-encoding') {
      if (te !== undefined) return bad('duplicate Transfer-Encoding');
      te = raw[2 * i + 1]!;
    } else if (name === 'connection') {
      connection = connection === undefined ? raw[2 * i + 1]! : `${connection}, ${raw[2 * i + 1]}`;
    }
  }
  let declaredLength = -1;
  let framing: Framing = FRAMING_UNTIL_CLOSE;
  if (te !== undefined) {
    if (length !== undefined) return bad('Content-Length with Transfer-Encoding');
    const err = checkTransferEncoding(te);
    if (err !== null) return bad(err.reason);
    framing = FRAMING_CHUNKED;
  } else if (length !== undefined) {
    const n = parseContentLength(length);
    if (n instanceof ParseError) return n;
    declaredLength = n;
    framing = n === 0 ? FRAMING_NONE : { kind: LENGTH, length: n };
  }
  if (requestWasHead || status < 200 || status === 204 || status === 304) framing = FRAMING_NONE;
  const options = connectionOptions(connection);
  const keepAlive = minor === 1 && !options.close && framing !== FRAMING_UNTIL_CLOSE;
  return { status, reason, raw, lower, framing, declaredLength, keepAlive, connection };
}
