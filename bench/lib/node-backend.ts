/** Fallback backend when nginx is missing: node:http with the same two bodies (slower; the bench warns). */
import type { ChildProcess } from 'node:child_process';
import { start, stop, waitForPort } from './procs.ts';

const SCRIPT = `
const http = require('node:http');
const small = Buffer.from(${JSON.stringify('hello from the bench backend\n')});
const big = Buffer.alloc(16384, 0x61);
for (const port of process.argv.slice(1).map(Number)) {
  http.createServer({ keepAliveTimeout: 60000 }, (req, res) => {
    const body = req.url.startsWith('/big') ? big : small;
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
    res.end(body);
  }).listen(port, '127.0.0.1');
}`;

export async function startNodeBackend(ports: readonly number[], cpu: number | null): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const child = start(process.execPath, ['-e', SCRIPT, ...ports.map(String)], cpu);
  await waitForPort(ports[0]!);
  return { child, stop: () => stop(child) };
}
