/**
 * WebSocket echo load (child process of the bench, pinned with the backend): `node ws-client.ts
 * PORT CONNECTIONS SECONDS SIZE`. Opens CONNECTIONS WebSockets through the proxy on 127.0.0.1:PORT,
 * each sending a masked binary message of SIZE bytes and waiting for its echo before the next (one
 * in flight per connection, like wrk's request/response). Raw sockets and a minimal frame codec, so
 * the client costs less CPU than the proxies it measures. Prints one JSON line: messages echoed,
 * messages/s, p50/p99 round trip, errors.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';

const [port, connections, seconds, size] = process.argv.slice(2).map(Number) as [number, number, number, number];
const payload = randomBytes(size);
const mask = randomBytes(4);
// One pre-built masked client frame (FIN + binary, mask bit, 16-bit length when needed).
const header = size < 126 ? Buffer.from([0x82, 0x80 | size]) : Buffer.from([0x82, 0x80 | 126, size >> 8, size & 0xff]);
const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
const frame = Buffer.concat([header, mask, masked]);
const serverFrameSize = (size < 126 ? 2 : 4) + size;

const latencies: number[] = [];
let errors = 0;
let measuring = false;
let stopped = false;

function open(): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let upgraded = false;
    let buffered: Buffer = Buffer.alloc(0);
    let sent = 0;
    const send = () => {
      if (stopped) { socket.destroy(); return; }
      sent = performance.now();
      socket.write(frame);
    };
    socket.on('connect', () => socket.write(`GET / HTTP/1.1\r\nHost: bench.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      if (!upgraded) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        if (!buffered.subarray(0, 12).toString('latin1').endsWith('101')) { errors++; socket.destroy(); resolve(); return; }
        upgraded = true;
        buffered = buffered.subarray(end + 4);
        resolve();
        send();
      }
      while (buffered.length >= serverFrameSize) {
        buffered = buffered.subarray(serverFrameSize);
        if (measuring) latencies.push(performance.now() - sent);
        send();
      }
    });
    socket.on('error', () => { if (!stopped) errors++; resolve(); });
  });
}

await Promise.all(Array.from({ length: connections }, open));
// One second of warm-up on the open connections, then the measured window.
await new Promise((r) => setTimeout(r, 1000));
measuring = true;
const started = performance.now();
await new Promise((r) => setTimeout(r, seconds * 1000));
measuring = false;
const elapsed = (performance.now() - started) / 1000;
stopped = true;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies.length === 0 ? NaN : latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
process.stdout.write(`${JSON.stringify({ messages: latencies.length, rps: latencies.length / elapsed, p50Ms: pct(50), p99Ms: pct(99), errors })}\n`);
process.exit(0);
