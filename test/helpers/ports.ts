/** Port helpers for loopback tests: everything binds port 0; these cover the few cases that need a number up front. */
import net from 'node:net';

/**
 * Ports handed out by number are taken below Linux's ephemeral range (32768-60999), where the
 * kernel picks port-0 binds and the source ports of outgoing connections: a port released here and
 * bound a moment later by a child process cannot have been taken meanwhile by one of the many
 * connections a test run opens. Each process starts at its own offset, so parallel test files
 * rarely probe the same numbers.
 */
const LOW = 20_000;
const HIGH = 32_000;
let nextPort = LOW + ((process.pid * 7919) % (HIGH - LOW));

/** Holds a free port outside the ephemeral range until `close()`. */
export async function holdFreePort(host = '127.0.0.1'): Promise<{ port: number; close(): Promise<void> }> {
  for (let tries = 0; tries < HIGH - LOW; tries++) {
    const port = nextPort;
    nextPort = nextPort + 1 >= HIGH ? LOW : nextPort + 1;
    try {
      return await occupyPort(host, port);
    } catch {
      // In use: try the next one.
    }
  }
  throw new Error(`no free port between ${LOW} and ${HIGH} on ${host}`);
}

/** A port that was free a moment ago (bind-and-release; use only where port 0 cannot be). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = await holdFreePort(host);
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
