/** The proxy's probe endpoints: /healthz (alive) and /readyz (serving a configuration, not draining). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthServer {
  readonly address: AddressInfo;
  close(): Promise<void>;
}

export async function startHealthServer(ready: () => boolean, host: string, port: number): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    if (path === '/readyz') {
      const ok = ready();
      return void res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ready\n' : 'not ready\n');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return {
    address: server.address() as AddressInfo,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
