/**
 * HTTP/1.1 head serialisation: one latin1 string per head, written with a single socket write (or
 * corked together with the first body bytes). Header values reaching here are either parsed by the
 * strict parsers or come from compiled filters, so none can carry CR/LF.
 */

const REASONS: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect',
  308: 'Permanent Redirect', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout',
  413: 'Content Too Large', 417: 'Expectation Failed', 421: 'Misdirected Request', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

/** `Name: value\r\n` for each field of a flat list. */
export function encodeFields(flat: readonly string[]): string {
  let s = '';
  for (let i = 0; i < flat.length; i += 2) s += `${flat[i]}: ${flat[i + 1]}\r\n`;
  return s;
}

export const encodeTrailers = encodeFields;

/** Request line and fields, ending with the blank line. */
export function requestHead(method: string, target: string, fields: readonly string[]): string {
  return `${method} ${target} HTTP/1.1\r\n${encodeFields(fields)}\r\n`;
}
