/**
 * Why an HTTP/1.1 message was refused. `status` is what a client gets (the upstream side maps every
 * error to 502); `reason` goes to logs and tests, never to the wire.
 */
export class ParseError {
  readonly status: 400 | 408 | 413 | 417 | 431 | 501 | 505;
  readonly reason: string;

  constructor(status: ParseError['status'], reason: string) {
    this.status = status;
    this.reason = reason;
  }
}

export const bad = (reason: string): ParseError => new ParseError(400, reason);
