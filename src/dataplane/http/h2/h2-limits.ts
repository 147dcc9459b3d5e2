/**
 * Limits of the HTTP/2 front end (node:http2), chosen for a shared gateway rather than one app:
 * - 100 concurrent streams per connection (RFC 9113 recommends no fewer than 100);
 * - 64 KiB initial stream window (the protocol default: a slow reader of one stream cannot make us
 *   buffer much) and a 1 MiB connection window, so many streams can still move at once;
 * - 64 KiB of headers per request (decoded), the same budget as an HTTP/1.1 head;
 * - rapid reset (CVE-2023-44487): a client that resets more than 100 streams within a second is
 *   told GOAWAY ENHANCE_YOUR_CALM and its connection closed — opening and cancelling streams costs
 *   it nothing but makes us route and connect for each;
 * - floods nghttp2 detects (SETTINGS/PING/RST frames whose replies pile up, CONTINUATION frames
 *   without END_HEADERS beyond its cap) end the session with GOAWAY ENHANCE_YOUR_CALM rather than
 *   the INTERNAL_ERROR node:http2 would send: the peer misbehaved, we did not fail.
 */
import http2, { type Http2Session, type ServerHttp2Stream } from 'node:http2';

export const H2_SERVER_SETTINGS: http2.Settings = {
  maxConcurrentStreams: 100,
  initialWindowSize: 65_535,
  maxHeaderListSize: 64 * 1024,
  enablePush: false,
};

export const H2_CONNECTION_WINDOW = 1 << 20;
export const RAPID_RESET_LIMIT = 100;
const WINDOW_MS = 1_000;

interface ResetCount { since: number; count: number }
const RESETS = new WeakMap<Http2Session, ResetCount>();

// nghttp2 error numbers (nghttp2.h) that mean "the peer is abusing us".
const NGHTTP2_ERR_FLOODED = -904;
const NGHTTP2_ERR_TOO_MANY_CONTINUATIONS = -905;

/** Applied to each new server session. */
export function configureSession(session: Http2Session): void {
  const destroy = session.destroy.bind(session);
  session.destroy = (error?: Error, code?: number) => destroy(error, code ?? abuseCode(error));
  // Before the peer's first frame the connection window can only be raised once the session is up.
  if (session.connecting) session.once('connect', () => session.setLocalWindowSize(H2_CONNECTION_WINDOW));
  else session.setLocalWindowSize(H2_CONNECTION_WINDOW);
}

/** Counts streams reset before a response head was sent; too many per second ends the session. */
export function watchResets(session: Http2Session, stream: ServerHttp2Stream): void {
  // 'close' rather than 'aborted': a stream reset in the same packet as its HEADERS is closed before
  // it could be aborted (and no longer knows its session), and that is exactly what the attack sends.
  stream.once('close', () => {
    if (stream.rstCode === http2.constants.NGHTTP2_NO_ERROR || stream.headersSent) return;
    if (session.destroyed) return;
    const now = performance.now();
    let c = RESETS.get(session);
    if (c === undefined || now - c.since > WINDOW_MS) RESETS.set(session, c = { since: now, count: 0 });
    if (++c.count <= RAPID_RESET_LIMIT) return;
    // destroy(error, code) sends the GOAWAY itself; a goaway() right before it would be dropped unsent.
    session.destroy(new Error('rapid reset: too many streams cancelled'), http2.constants.NGHTTP2_ENHANCE_YOUR_CALM);
  });
}

function abuseCode(error: Error | undefined): number | undefined {
  const errno = (error as NodeJS.ErrnoException | undefined)?.errno;
  return errno === NGHTTP2_ERR_FLOODED || errno === NGHTTP2_ERR_TOO_MANY_CONTINUATIONS ? http2.constants.NGHTTP2_ENHANCE_YOUR_CALM : undefined;
}
