/**
 * Answers the gateway gives a gRPC client itself (no route, no backend, timeout...). A gRPC client
 * reads the outcome of a call from grpc-status, not from the HTTP status, so these go out as a
 * "Trailers-Only" response (gRPC over HTTP/2 spec): HTTP 200, content-type application/grpc,
 * grpc-status and grpc-message in the one HEADERS frame that ends the stream.
 *
 * HTTP status → gRPC code follows the gRPC "HTTP to gRPC status code mapping" (as Envoy does),
 * except where the gateway knows more than the status says:
 * - 404, no route matched: 12 UNIMPLEMENTED (the method does not exist here);
 * - 500, a backendRef that did not resolve: 14 UNAVAILABLE (GRPCRoute spec: invalid backends MUST
 *   give UNAVAILABLE);
 * - 504, the route's timeout expired: 4 DEADLINE_EXCEEDED (what the client's own deadline gives);
 * - 421, misdirected: 14 UNAVAILABLE, so the client retries (on a new connection).
 */
import type { RequestHead } from './request-head.ts';

const CODES: Record<number, number> = {
  400: 13, 401: 16, 403: 7, 404: 12, 421: 14, 429: 14, 500: 14, 502: 14, 503: 14, 504: 4,
};

const MESSAGES: Record<number, string> = {
  404: 'no route for this method', 421: 'misdirected request', 500: 'no backend available for this route',
  502: 'upstream connect error', 503: 'no healthy upstream', 504: 'upstream request timeout',
};

/** `application/grpc`, `application/grpc+proto`, `application/grpc;...` (not grpc-web). */
export function isGrpcRequest(head: RequestHead): boolean {
  const type = head.get('content-type');
  if (type === undefined || type.length < 16 || type.slice(0, 16).toLowerCase() !== 'application/grpc') return false;
  const next = type.charCodeAt(16);
  return Number.isNaN(next) || next === 43 /* + */ || next === 59 /* ; */;
}

/** grpc-status for a local HTTP status: 2 UNKNOWN for anything unmapped. */
export function grpcStatusFor(httpStatus: number): number {
  return CODES[httpStatus] ?? 2;
}

/** Response fields of a Trailers-Only answer standing for `httpStatus`. */
export function grpcReplyFields(httpStatus: number): string[] {
  return [
    'content-type', 'application/grpc',
    'grpc-status', String(grpcStatusFor(httpStatus)),
    // Printable ASCII without '%': nothing to percent-encode.
    'grpc-message', MESSAGES[httpStatus] ?? `gateway answered HTTP ${httpStatus}`,
  ];
}
