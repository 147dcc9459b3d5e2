/**
 * A data plane in its own process with `--expose-gc`, driven over IPC, for the long memory test
 * (test/e2e/reload-memory.test.ts): `{type:'apply', ir}` applies and answers `{type:'applied', port}`;
 * `{type:'heap'}` forces full collections and answers `{type:'heap', used}` (bytes).
 */
import type { Ir } from '../../ir/index.ts';
import { DataPlane } from '../data-plane.ts';

type Message = { type: 'apply'; ir: Ir } | { type: 'heap' };

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('memory-child needs --expose-gc');
const dataPlane = new DataPlane();

process.on('message', (msg: Message) => {
  if (msg.type === 'apply') {
    void dataPlane.apply(msg.ir).then((r) => process.send!({ type: 'applied', port: r.sockets[0]?.address?.port ?? 0 }));
  } else {
    // Several passes with a turn of the event loop between them, so finalised sockets are really gone.
    void (async () => {
      for (let i = 0; i < 4; i++) {
        gc();
        await new Promise((r) => setTimeout(r, 50));
      }
      process.send!({ type: 'heap', used: process.memoryUsage().heapUsed });
    })();
  }
});
process.on('disconnect', () => void dataPlane.close(500).then(() => process.exit(0)));
process.send!({ type: 'ready' });
