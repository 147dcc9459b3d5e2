/**
 * Limits of the HTTP/2 front end (node:http2), chosen for a shared gateway rather than one app:
 * - 100 concurrent streams per connection (RFC 9113 recommends no fewer than 100);
 * - 64 KiB initial stream window (the protocol default: a slow reader of one stream cannot make us
 *   buffer much) and a 1 MiB connection window, so many streams can still move at once;
 * - 64 KiB of headers per request (decoded), the same budget as an HTTP/1.1 head;
 * - rapid reset (CVE-2023-44487): a client that resets more than 100 streams within a second is
 *   told GOAWAY ENHANCE_YOUR_CALM and its connection closed — opening and cancelling streams costs
 *   it nothing but makes us route and connect for each.
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

/** Applied to each new server session. */
export function configureSession(session: Http2Session): void {
  // Before the peer's first frame the connection window can only be raised once the session is up.
  if (session.connecting) session.once('connect', () => session.setLocalWindowSize(H2_CONNECTION_WINDOW));
  else session.setLocalWindowSize(H2_CONNECTION_WINDOW);
}

/** Counts streams the client resets before their response completed; too many per second ends the session. */
export function watchResets(stream: ServerHttp2Stream): void {
  stream.once('aborted', () => {
    const session = stream.session;
    if (session === undefined || session.destroyed) return;
    const now = performance.now();
    let c = RESETS.get(session);
    if (c === undefined || now - c.since > WINDOW_MS) RESETS.set(session, c = { since: now, count: 0 });
    if (++c.count <= RAPID_RESET_LIMIT) return;
    session.goaway(http2.constants.NGHTTP2_ENHANCE_YOUR_CALM);
    session.destroy();
  });
}
