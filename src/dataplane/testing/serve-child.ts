/**
 * A data plane in its own process, for tests that need process-level behaviour (drain on SIGTERM).
 * Reads the IR from SWITCHYARD_TEST_IR (JSON), prints `{"listening":[ports]}` once applied; on
 * SIGTERM drains with SWITCHYARD_TEST_DRAIN_MS as the deadline, prints `{"closed":true}`, exits 0.
 */
import type { Ir } from '../../ir/index.ts';
import { DataPlane } from '../data-plane.ts';

const ir = JSON.parse(process.env.SWITCHYARD_TEST_IR ?? '{"sockets":[],"clusters":{}}') as Ir;
const dataPlane = new DataPlane();
const result = await dataPlane.apply(ir);
process.stdout.write(`${JSON.stringify({ listening: result.sockets.map((s) => s.address?.port ?? null) })}\n`);
process.once('SIGTERM', () => {
  void dataPlane.close(Number(process.env.SWITCHYARD_TEST_DRAIN_MS ?? 5_000)).then(() => {
    process.stdout.write(`${JSON.stringify({ closed: true })}\n`);
    process.exit(0);
  });
});
