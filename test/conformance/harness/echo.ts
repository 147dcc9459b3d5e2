/**
 * The echo backend standing in for the suite's echo pods (upstream `echo-basic`), in the test
 * process: it answers JSON with the fields the suite's assertions read — `namespace`, `pod`, `path`
 * (the request target, query included), `host`, `method`, `headers` (every value of a header, as
 * received, so the harness joins them with "," as the suite does) — and honours the two knobs the
 * suite's requests use: `X-Echo-Set-Header: Name:value,Name2:value2` sets response headers, and
 * `?delay=1s` (a Go duration: ms, s) delays the answer.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface EchoBackend {
  readonly port: number;
  close(): Promise<void>;
}

export async function startEchoBackend(identity: { pod: string; namespace: string }): Promise<EchoBackend> {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
      setTimeout(() => {
        if (res.destroyed) return;
        for (const pair of (req.headers['x-echo-set-header'] as string | undefined ?? '').split(',')) {
          const colon = pair.indexOf(':');
          if (colon > 0) res.setHeader(pair.slice(0, colon).trim(), pair.slice(colon + 1).trim());
        }
        const body = JSON.stringify({
          ...identity, path: req.url, host: req.headers.host ?? null, method: req.method, proto: `HTTP/${req.httpVersion}`,
          headers: Object.fromEntries(Object.entries(req.headersDistinct).filter(([name]) => name !== 'host')),
        });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }, goDurationMs(query.get('delay')));
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    }),
  };
}

/** `1s`, `500ms`, `1.5s` → milliseconds; anything else → 0. */
function goDurationMs(text: string | null): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text ?? '');
  return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : 0;
}
