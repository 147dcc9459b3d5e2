/**
 * What routing looks at, taken from an HTTP/1.1 or HTTP/2 request once per request. Both routers (the
 * compiled one and the naive reference) accept exactly this, so the shared suite can drive them alike.
 */
export interface RouteRequest {
  /** Lower-case host without port (see `normalizeHost`). */
  readonly host: string;
  /** The path part of the request target, as received (no query). */
  readonly path: string;
  /** The raw query string without `?`, or '' when there is none. */
  readonly query: string;
  /** Upper-case method. */
  readonly method: string;
  /** Lower-case header names; repeated headers as Node joins or lists them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** One header value for matching: repeated headers are compared as the comma-joined list (RFC 9110 §5.3). */
export function headerValue(headers: RouteRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}
