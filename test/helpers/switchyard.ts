/**
 * Runs the real `switchyard` CLI as child processes for end-to-end tests: echo backends and
 * `serve` on port 0 / free ports, on loopback, each stopped by the test (and killed on exit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor, waitForLine } from './wait.ts';

export const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'switchyard.js');

const children = new Set<ChildProcess>();
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });

export interface Running {
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function run(args: readonly string[], options: { env?: Record<string, string> } = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { children.delete(child); resolve(code); }));
  return {
    child,
    stderr: () => stderr,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Starts `switchyard echo` on a free loopback port and resolves with its port. */
export async function startEcho(args: readonly string[]): Promise<Running & { port: number }> {
  const echo = run(['echo', '--listen', '127.0.0.1:0', ...args]);
  const line = await waitForLine(echo.child.stdout!, (l) => l.includes('"listening"'), 'echo backend to listen');
  const port = (JSON.parse(line) as { port: number }).port;
  if (!port) throw new Error(`cannot read the echo backend's port from: ${line}`);
  return Object.assign(echo, { port });
}

/** Starts `switchyard serve` with an admin API on a free port; resolves once /readyz says ready. */
export async function startServe(paths: readonly string[], extra: readonly string[] = []): Promise<Running & { admin: string }> {
  const serve = run(['serve', ...paths.flatMap((p) => ['-f', p]), '--admin', '127.0.0.1:0', '--log-level', 'info', ...extra]);
  const line = await waitForLine(serve.child.stderr!, (l) => l.includes('admin API listening'), 'the admin API to listen', 15_000);
  const admin = (JSON.parse(line) as { admin: string }).admin;
  await waitFor(async () => (await fetch(`http://${admin}/readyz`).catch(() => null))?.ok, 'switchyard to be ready', 15_000);
  return Object.assign(serve, { admin });
}

/** Copies a directory of manifests into a temp dir, replacing strings (e.g. ports) in every file. */
export function copyManifests(from: string, replace: Record<string, string> = {}): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-'));
  cpSync(from, dir, { recursive: true });
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(ya?ml|json)$/.test(name)) continue;
    let text = readFileSync(join(dir, name), 'utf8');
    for (const [a, b] of Object.entries(replace)) text = text.split(a).join(b);
    writeFileSync(join(dir, name), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the CLI to completion and returns its exit code and output. */
export function runToEnd(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
