/**
 * Misdirected requests on HTTPS (Gateway API listener `hostname`, RFC 9110 §15.5.20): a client may
 * reuse a TLS connection for another host its certificate covers, so the listener SNI chose is not
 * necessarily the one the request's Host belongs to. The request must then not be served by the
 * SNI's listener: when the Host selects another listener on the same socket (exact or more
 * specific wildcard) the answer is 421, so the client retries on a connection of its own; when no
 * listener takes the Host at all, 404. A connection without SNI was given the catch-all listener
 * (if any), so the same rule applies to it.
 */
import type { Router } from '../routing/router.ts';

/** 0 when the request may be routed; otherwise the status to answer with. */
export function misdirectedStatus(router: Router<unknown>, host: string, sniListenerId: string | null | undefined): 0 | 404 | 421 {
  if (sniListenerId === null || sniListenerId === undefined) return 0;
  const owner = router.listenerOf(host);
  if (owner === undefined) return 404;
  return owner === sniListenerId ? 0 : 421;
}
