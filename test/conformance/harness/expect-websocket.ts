/**
 * The suite's WebSocket check (HTTPRouteBackendProtocolWebSocket): dial ws://<gateway>/ws, send a
 * text and a binary message, and get each echoed back unchanged. Retried briefly, as the suite's
 * AwaitConvergence is.
 */
import { sleep } from '../../helpers/wait.ts';

const RETRY_FOR_MS = 3_000;
const TEXT = 'Websocket Support!';
const BINARY = Buffer.from([1, 2, 3, 4, 5, 6, 7]);

export async function expectWebSocket(target: { address: string; port: number }, path: string): Promise<void> {
  const deadline = Date.now() + RETRY_FOR_MS;
  for (;;) {
    const problem = await roundTrip(`ws://${target.address}:${target.port}${path}`).catch((err: Error) => err.message);
    if (problem === null) return;
    if (Date.now() > deadline) throw new Error(`WebSocket ${path}: ${problem}`);
    await sleep(100);
  }
}

function roundTrip(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    const replies: (string | Buffer)[] = [];
    const timer = setTimeout(() => done('no echo within 5 s'), 5_000);
    const done = (problem: string | null) => {
      clearTimeout(timer);
      ws.close();
      resolve(problem);
    };
    ws.onerror = () => done('the WebSocket failed (handshake or connection)');
    ws.onopen = () => {
      ws.send(TEXT);
      ws.send(BINARY);
    };
    ws.onmessage = (event: MessageEvent) => {
      replies.push(typeof event.data === 'string' ? event.data : Buffer.from(event.data as ArrayBuffer));
      if (replies.length < 2) return;
      const [text, binary] = replies;
      if (text !== TEXT) return done(`text echo ${JSON.stringify(text)}`);
      if (!Buffer.isBuffer(binary) || !binary.equals(BINARY)) return done(`binary echo ${JSON.stringify(binary)}`);
      done(null);
    };
  });
}
