/**
 * HTTPS requests for tests with control over what a browser or curl would not let you set: SNI
 * apart from Host, ALPN (`h2` or `http/1.1`), trust roots and client certificates. One connection
 * per request, so every request makes its own handshake (certificate rotation becomes visible).
 */
import http2 from 'node:http2';
import tls from 'node:tls';

export interface HttpsOptions {
  readonly port: number;
  readonly address?: string;
  /** SNI; omitted (no SNI at all) when null. Default: `host` without port. */
  readonly servername?: string | null;
  /** Host header / :authority. */
  readonly host: string;
  readonly path?: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** `h2` speaks HTTP/2; default `http/1.1`. */
  readonly alpn?: 'h2' | 'http/1.1';
  /** Trusted CA (PEM): the server certificate is verified against it and `servername`. Default: not verified. */
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  /** Signature algorithms the client offers (`ecdsa_secp256r1_sha256` makes an ECDSA certificate the only choice). */
  readonly sigalgs?: string;
}

export interface HttpsReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly alpn: string | false;
  /** Subject CN and key type of the certificate the gateway presented. */
  readonly peerName: string;
  readonly peerKeyType: string;
}

export function httpsRequest(options: HttpsOptions): Promise<HttpsReply> {
  return new Promise((resolve, reject) => {
    const servername = options.servername === undefined ? options.host.replace(/:\d+$/, '') : options.servername;
    const socket = tls.connect({
      host: options.address ?? '127.0.0.1', port: options.port,
      ...(servername === null ? {} : { servername }),
      ALPNProtocols: [options.alpn ?? 'http/1.1'],
      rejectUnauthorized: options.ca !== undefined,
      ...(options.ca === undefined ? {} : { ca: options.ca, checkServerIdentity: (h: string, c: tls.PeerCertificate) => tls.checkServerIdentity(servername ?? h, c) }),
      ...(options.cert === undefined ? {} : { cert: options.cert, key: options.key }),
      ...(options.sigalgs === undefined ? {} : { sigalgs: options.sigalgs }),
    });
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('HTTPS request timed out')); }, 10_000);
    const done = (err: Error | null, reply?: Omit<HttpsReply, 'alpn' | 'peerName' | 'peerKeyType'>) => {
      clearTimeout(timer);
      if (err !== null) return reject(err);
      const peer = socket.getPeerX509Certificate();
      resolve({
        ...reply!, alpn: socket.alpnProtocol ?? false,
        peerName: /CN=([^\n]+)/.exec(peer?.subject ?? '')?.[1] ?? '', peerKeyType: peer?.publicKey.asymmetricKeyType ?? '',
      });
      socket.destroy();
    };
    socket.once('error', (err) => done(err));
    socket.once('secureConnect', () => {
      if (socket.alpnProtocol === 'h2') h2Request(socket, options, done);
      else h1Request(socket, options, done);
    });
  });
}

type Done = (err: Error | null, reply?: { status: number; headers: Record<string, string | string[] | undefined>; body: string }) => void;

function h2Request(socket: tls.TLSSocket, options: HttpsOptions, done: Done): void {
  const session = http2.connect(`https://${options.host}`, { createConnection: () => socket });
  session.on('error', (err) => done(err));
  const req = session.request({ ':method': options.method ?? 'GET', ':path': options.path ?? '/', ':authority': options.host, ...options.headers });
  let headers: Record<string, string | string[] | undefined> = {};
  const chunks: Buffer[] = [];
  req.on('response', (h) => { headers = h as Record<string, string | string[] | undefined>; });
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    session.close();
    done(null, { status: Number(headers[':status']), headers, body: Buffer.concat(chunks).toString() });
  });
  req.on('error', (err) => done(err));
  req.end();
}

function h1Request(socket: tls.TLSSocket, options: HttpsOptions, done: Done): void {
  const extra = Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  socket.write(`${options.method ?? 'GET'} ${options.path ?? '/'} HTTP/1.1\r\nHost: ${options.host}\r\nConnection: close\r\n${extra}\r\n`);
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.once('end', () => {
    const text = Buffer.concat(chunks).toString('latin1');
    const split = text.indexOf('\r\n\r\n');
    if (split === -1) return done(new Error(`no HTTP response: ${JSON.stringify(text.slice(0, 200))}`));
    const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    let body = text.slice(split + 4);
    if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
    done(null, { status: Number(statusLine!.split(' ')[1]), headers, body: Buffer.from(body, 'latin1').toString() });
  });
}

function dechunk(text: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const eol = text.indexOf('\r\n', pos);
    const size = parseInt(text.slice(pos, eol), 16);
    if (!(size > 0)) return out;
    out += text.slice(eol + 2, eol + 2 + size);
    pos = eol + 2 + size + 2;
  }
}
