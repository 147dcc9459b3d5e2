/**
 * Test harness: a data plane serving an IR on loopback port 0, and a small HTTP client that
 * returns status, headers and body as text.
 */
import http from 'node:http';
import net from 'node:net';
import type { Ir } from '../../ir/index.ts';
import { DataPlane } from '../data-plane.ts';
import type { DataPlaneOptions } from '../options.ts';

export interface Proxy {
  readonly dataPlane: DataPlane;
  /** Port of the first socket. */
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startProxy(ir: Ir, options: DataPlaneOptions = {}): Promise<Proxy> {
  const dataPlane = new DataPlane(options);
  const result = await dataPlane.apply(ir);
  const first = result.sockets[0];
  if (first?.address == null) throw new Error(`proxy did not bind: ${JSON.stringify(result.sockets)}`);
  return { dataPlane, port: first.address.port, url: `http://127.0.0.1:${first.address.port}`, close: () => dataPlane.close(1_000) };
}

export interface SimpleResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface RequestOptions {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: http.OutgoingHttpHeaders | readonly string[];
  readonly body?: string | Buffer;
  readonly agent?: http.Agent | false;
}

export function request(port: number, options: RequestOptions = {}): Promise<SimpleResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/',
      headers: options.headers ?? {}, agent: options.agent ?? false,
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export async function requestJson<T = EchoReply>(port: number, options: RequestOptions = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: T }> {
  const res = await request(port, options);
  try {
    return { status: res.status, headers: res.headers, json: JSON.parse(res.body) as T };
  } catch {
    throw new Error(`expected JSON, got ${res.status}: ${res.body.slice(0, 200)}`);
  }
}

/** What `switchyard echo --json` answers. */
export interface EchoReply {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly host: string | null;
  readonly httpVersion: string;
  readonly headers: Record<string, string>;
  readonly trailers: Record<string, string>;
  readonly connection: number;
  readonly bodyBytes: number;
}

/** Writes `raw` on a fresh connection and resolves with everything read until the server closes it (or `timeoutMs`). */
export function rawExchange(port: number, raw: string | Buffer, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    let data = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => { data += c; });
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}
