/** Port helpers for loopback tests: everything binds port 0; these cover the few cases that need a number up front. */
import net from 'node:net';

/** A port that was free a moment ago (bind-and-release; racy by nature, use only where port 0 cannot be). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = await occupyPort(host);
  await server.close();
  return server.port;
}

/** Holds a port until `close()`, e.g. to make a data plane's bind fail with EADDRINUSE. */
export function occupyPort(host = '127.0.0.1', port = 0): Promise<{ port: number; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((s) => s.destroy());
    server.once('error', reject);
    server.listen({ host, port }, () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
