/**
 * `switchyard echo`: a small test backend in the spirit of hashicorp/http-echo.
 *
 *   switchyard echo [--listen HOST:PORT] [--text TEXT | --json] [--name NAME] [--namespace NS]
 *
 * `--text` answers TEXT + "\n" with 200; `--json` (the default without --text) answers a JSON
 * description of the request: name, method, path, host, headers, httpVersion, the connection number
 * (so keep-alive reuse is visible) and the number of body bytes received; also `pod` (the name) and
 * `namespace`, the fields the upstream conformance echo backend reports, so conformance scenarios
 * can assert which backend answered as the upstream suite does. Query knobs for tests:
 * `?status=NNN` sets the status, `?delayMs=N` waits before answering, `?bytes=N` streams N bytes.
 * WebSocket upgrades are answered and every message is echoed back. One JSON line is printed on
 * stdout once listening, with the actual port (port 0 picks a free one).
 */
import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface EchoOptions {
  /** `HOST:PORT`, default `127.0.0.1:5678`. */
  readonly listen?: string;
  /** Fixed answer (plus "\n"); null/undefined answers JSON. */
  readonly text?: string | null;
  /** Identity reported in JSON answers and response header `x-echo-name`. */
  readonly name?: string;
  /** Reported as `namespace` in JSON answers (the upstream conformance echo's field); default null. */
  readonly namespace?: string;
}

export interface EchoServer {
  readonly port: number;
  readonly address: string;
  readonly url: string;
  /** Connections accepted so far. */
  readonly connections: () => number;
  close(): Promise<void>;
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

export async function startEcho(options: EchoOptions = {}): Promise<EchoServer> {
  const [host, port] = parseListen(options.listen ?? '127.0.0.1:5678');
  const name = options.name ?? 'echo';
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    answer(req, res, { name, namespace: options.namespace ?? null }, options.text ?? null, connectionId.get(req.socket) ?? 0);
  });
  const connectionId = new WeakMap<object, number>();
  server.on('connection', (socket: Socket) => {
    connectionId.set(socket, ++connections);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket, head) => acceptWebSocket(req, socket, head, name));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    address: address.address,
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    connections: () => connections,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    }),
  };
}

/** CLI entry: runs until SIGINT/SIGTERM; resolves with the exit code. */
export async function runEcho(argv: readonly string[]): Promise<number> {
  const options: { listen?: string; text?: string | null; name?: string; namespace?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--listen') options.listen = value();
    else if (flag === '--text') options.text = value();
    else if (flag === '--json') options.text = null;
    else if (flag === '--name') options.name = value();
    else if (flag === '--namespace') options.namespace = value();
    else {
      process.stderr.write(`switchyard echo: unknown flag ${arg}\nusage: switchyard echo [--listen HOST:PORT] [--text TEXT | --json] [--name NAME] [--namespace NS]\n`);
      return 2;
    }
  }
  const echo = await startEcho(options);
  process.stdout.write(`${JSON.stringify({ msg: 'listening', address: echo.address, port: echo.port, url: echo.url, name: options.name ?? 'echo' })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await echo.close();
  return 0;
}

function parseListen(listen: string): [string, number] {
  const colon = listen.lastIndexOf(':');
  const host = colon === -1 ? '127.0.0.1' : listen.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const port = Number(colon === -1 ? listen : listen.slice(colon + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --listen ${listen}`);
  return [host || '127.0.0.1', port];
}

function answer(req: IncomingMessage, res: ServerResponse, who: { name: string; namespace: string | null }, text: string | null, connection: number): void {
  const { name, namespace } = who;
  const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
  const status = Number(query.get('status') ?? 200);
  const delayMs = Number(query.get('delayMs') ?? 0);
  const bytes = Number(query.get('bytes') ?? -1);
  let bodyBytes = 0;
  req.on('data', (chunk: Buffer) => { bodyBytes += chunk.length; });
  req.on('end', () => setTimeout(() => {
    if (res.destroyed) return;
    res.setHeader('x-echo-name', name);
    if (bytes >= 0) return streamBytes(res, status, bytes);
    const body = text !== null ? `${text}\n` : `${JSON.stringify({
      name, pod: name, namespace, method: req.method, path: req.url, host: req.headers.host ?? null, httpVersion: req.httpVersion,
      protocol: `HTTP/${req.httpVersion}`, headers: req.headers, trailers: req.trailers, connection, bodyBytes,
    })}\n`;
    res.writeHead(status, { 'content-type': text !== null ? 'text/plain; charset=utf-8' : 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }, delayMs));
}

/** Streams `n` bytes with backpressure (for large-download tests). */
function streamBytes(res: ServerResponse, status: number, n: number): void {
  res.writeHead(status, { 'content-type': 'application/octet-stream', 'content-length': String(n) });
  let left = n;
  const pump = () => {
    while (left > 0) {
      const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
      left -= chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

/** RFC 6455 server side, just enough to echo: text/binary/continuation echoed, ping → pong, close. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, name: string): void {
  const key = req.headers['sec-websocket-key'];
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nX-Echo-Name: ${name}\r\n\r\n`);
  let buffered = head;
  socket.on('error', () => socket.destroy());
  const onData = (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    for (let frame = readFrame(buffered); frame !== null; frame = readFrame(buffered)) {
      buffered = buffered.subarray(frame.size);
      if (frame.opcode === 0x8) {
        socket.end(encodeFrame(0x8, true, frame.payload));
        return;
      }
      if (frame.opcode === 0x9) socket.write(encodeFrame(0xa, true, frame.payload));
      else if (frame.opcode !== 0xa) socket.write(encodeFrame(frame.opcode, frame.fin, frame.payload));
    }
  };
  socket.on('data', onData);
  if (head.length > 0) onData(Buffer.alloc(0));
}

interface Frame { fin: boolean; opcode: number; payload: Buffer; size: number }

function readFrame(buf: Buffer): Frame | null {
  if (buf.length < 2) return null;
  const fin = (buf[0]! & 0x80) !== 0;
  const opcode = buf[0]! & 0x0f;
  const masked = (buf[1]! & 0x80) !== 0;
  let length = buf[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buf.length < 4) return null;
    length = buf.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buf.length < 10) return null;
    length = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buf.length < offset + length) return null;
  const payload = Buffer.from(buf.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= buf[maskOffset + (i & 3)]!;
  return { fin, opcode, payload, size: offset + length };
}

function encodeFrame(opcode: number, fin: boolean, payload: Buffer): Buffer {
  const n = payload.length;
  const header = Buffer.alloc(n < 126 ? 2 : n < 65536 ? 4 : 10);
  header[0] = (fin ? 0x80 : 0) | opcode;
  if (n < 126) header[1] = n;
  else if (n < 65536) {
    header[1] = 126;
    header.writeUInt16BE(n, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([header, payload]);
}
