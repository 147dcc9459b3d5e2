/**
 * From a parsed head to a checked HTTP/1.1 request: request line (RFC 9112 §3), Host count,
 * framing, Expect, Connection and Upgrade. Everything not refused here is unambiguous for any
 * backend. Host *validity* and the request target's meaning are checked protocol-neutrally in
 * ../request-head.ts, which HTTP/2 shares.
 */
import { TARGET_CHAR, TCHAR } from './chars.ts';
import {
  CHUNKED, FRAMING_CHUNKED, FRAMING_NONE, LENGTH, checkTransferEncoding, connectionOptions, parseContentLength,
  type Framing,
} from './framing.ts';
import type { HeadParser } from './head-parser.ts';
import { bad, ParseError } from './parse-error.ts';

export interface H1Request {
  readonly method: string;
  readonly target: string;
  /** Minor version: 1 for HTTP/1.1, 0 for HTTP/1.0. */
  readonly minor: 0 | 1;
  readonly raw: string[];
  readonly lower: string[];
  /** The single Host header's value, or undefined when there is none. */
  readonly host: string | undefined;
  readonly framing: Framing;
  readonly keepAlive: boolean;
  readonly expectContinue: boolean;
  /** Protocol asked for with `Connection: upgrade` + `Upgrade` (never h2c), else null. */
  readonly upgrade: string | null;
  /** The joined Connection header, for dropping the headers it names. */
  readonly connection: string | undefined;
}

export function checkRequest(head: HeadParser): H1Request | ParseError {
  const line = head.startLine;
  const sp1 = line.indexOf(' ');
  const sp2 = sp1 === -1 ? -1 : line.indexOf(' ', sp1 + 1);
  if (sp1 <= 0 || sp2 === -1) return bad('malformed request line');
  for (let i = 0; i < sp1; i++) if (TCHAR[line.charCodeAt(i)] !== 1) return bad('malformed method');
  if (sp2 === sp1 + 1) return bad('empty request target');
  for (let i = sp1 + 1; i < sp2; i++) if (TARGET_CHAR[line.charCodeAt(i)] !== 1) return bad('invalid byte in request target');
  const minor = httpVersion(line, sp2 + 1);
  if (minor instanceof ParseError) return minor;

  const { raw, lower } = head;
  let host: string | undefined;
  let hosts = 0;
  let length: string | undefined;
  let te: string | undefined;
  let connection: string | undefined;
  let upgrade: string | undefined;
  let expect: string | undefined;
  for (let i = 0; i < lower.length; i++) {
    const name = lower[i]!;
    const value = raw[2 * i + 1]!;
    switch (name) {
      case 'host': hosts++; host = value; break;
      case 'content-length':
        if (length !== undefined) return bad('duplicate Content-Length');
        length = value;
        break;
      case 'transfer-encoding':
        if (te !== undefined) return bad('duplicate Transfer-Encoding');
        te = value;
        break;
      case 'connection': connection = connection === undefined ? value : `${connection}, ${value}`; break;
      case 'upgrade': upgrade = value; break;
      case 'expect': expect = value; break;
    }
  }
  // RFC 9112 §3.2: exactly one Host; two is the classic cache-poisoning / routing-confusion vector.
  if (hosts > 1) return bad('more than one Host');
  if (hosts === 0 && minor === 1) return bad('no Host');

  let framing: Framing = FRAMING_NONE;
  if (te !== undefined) {
    // RFC 9112 §6.3: both present is a smuggling attempt; HTTP/1.0 has no chunked coding.
    if (length !== undefined) return bad('Content-Length with Transfer-Encoding');
    if (minor === 0) return bad('Transfer-Encoding in HTTP/1.0');
    const err = checkTransferEncoding(te);
    if (err !== null) return err;
    framing = FRAMING_CHUNKED;
  } else if (length !== undefined) {
    const n = parseContentLength(length);
    if (n instanceof ParseError) return n;
    if (n > 0) framing = { kind: LENGTH, length: n };
  }

  let expectContinue = false;
  if (expect !== undefined) {
    if (expect.toLowerCase() !== '100-continue') return new ParseError(417, 'unsupported Expect');
    expectContinue = minor === 1 && framing !== FRAMING_NONE;
  }
  const options = connectionOptions(connection);
  const keepAlive = minor === 1 ? !options.close : options.keepAlive && !options.close;
  const upgrading = options.upgrade && upgrade !== undefined && upgrade.toLowerCase() !== 'h2c' && framing.kind !== CHUNKED && framing.kind !== LENGTH;
  return {
    method: line.slice(0, sp1),
    target: line.slice(sp1 + 1, sp2),
    minor,
    raw,
    lower,
    host,
    framing,
    keepAlive,
    expectContinue,
    upgrade: upgrading ? upgrade! : null,
    connection,
  };
}

/** `HTTP/1.1` → 1, `HTTP/1.0` → 0; other well-formed versions 505, anything else 400. */
export function httpVersion(s: string, at: number): 0 | 1 | ParseError {
  if (s.length - at !== 8 || !s.startsWith('HTTP/', at) || s.charCodeAt(at + 6) !== 0x2e) return bad('malformed HTTP version');
  const major = s.charCodeAt(at + 5) - 0x30;
  const minor = s.charCodeAt(at + 7) - 0x30;
  if (major < 0 || major > 9 || minor < 0 || minor > 9) return bad('malformed HTTP version');
  if (major !== 1 || minor > 1) return new ParseError(505, 'HTTP version not supported');
  return minor as 0 | 1;
}

