/** The access log: one JSON object per line per request, written to any stream (off by default). */
import type { DataPlaneObserver } from './observer.ts';
import { NOOP_OBSERVER } from './observer.ts';

export interface LineSink {
  write(line: string): unknown;
}

export function createAccessLogObserver(sink: LineSink): DataPlaneObserver {
  return {
    ...NOOP_OBSERVER,
    requestEnded(r) {
      sink.write(`${JSON.stringify({ time: new Date().toISOString(), ...r, durationMs: Math.round(r.durationMs * 1000) / 1000 })}\n`);
    },
  };
}
