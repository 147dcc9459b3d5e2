/** Starts Switchyard through its real CLI (`bin/switchyard.js serve`), pinned like the reference proxy. */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { start, stop, waitForPort, sleep } from './procs.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'switchyard.js');

export interface SwitchyardProcess {
  readonly child: ChildProcess;
  readonly admin: string;
  /** The inspector's WebSocket URL when started with `--inspect` (memory sampling). */
  readonly inspector: string | undefined;
  stop(): Promise<void>;
}

export async function startSwitchyard(configDir: string, gatewayPort: number, cpu: number | null, workers = 1, nodeArgs: readonly string[] = []): Promise<SwitchyardProcess> {
  const child = start(process.execPath, [...nodeArgs, BIN, 'serve', '-f', configDir, '--workers', String(workers), '--admin', '127.0.0.1:0', '--log-level', 'info'], cpu);
  let log = '';
  const admin = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /"admin":"([^"]+)"/.exec(log);
      if (m !== null) {
        child.stderr!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`switchyard exited (${code}):\n${log}`)));
  });
  child.stderr!.resume();
  child.stdout!.resume();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://${admin}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(50);
  }
  await waitForPort(gatewayPort);
  const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(log)?.[1];
  return { child, admin, inspector, stop: () => stop(child) };
}
