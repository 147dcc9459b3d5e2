/**
 * One `switchyard serve` standing in for the suite's cluster. The base manifests stay in one file;
 * each scenario's objects replace another file, as the suite applies a test's manifests and deletes
 * them afterwards. A marker ConfigMap with a step number rides along with every write: once the
 * admin API shows it, that whole configuration has been translated, applied to the data plane and
 * its status published (the control loop publishes after applying), so checks need not guess.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { KNOWN_KINDS, isKnownKind } from '../../../src/api/index.ts';
import { run, type Running } from '../../helpers/switchyard.ts';
import { waitFor, waitForLine } from '../../helpers/wait.ts';
import type { Obj } from './manifests.ts';

const MARKER = { namespace: 'default', name: 'conformance-step' };

export class StandaloneCluster {
  readonly #dir: string;
  readonly #serve: Running & { admin: string };
  #step = 0;

  private constructor(dir: string, serve: Running & { admin: string }) {
    this.#dir = dir;
    this.#serve = serve;
  }

  static async start(base: readonly Obj[]): Promise<StandaloneCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-conformance-'));
    writeFileSync(join(dir, 'base.yaml'), toYaml(base));
    writeFileSync(join(dir, 'test.yaml'), toYaml([marker(0)]));
    const serve = run(['serve', '-f', dir, '--admin', '127.0.0.1:0', '--log-level', 'info']);
    try {
      const line = await waitForLine(serve.child.stderr!, (l) => l.includes('admin API listening'), 'the admin API to listen', 15_000);
      const admin = (JSON.parse(line) as { admin: string }).admin;
      await waitFor(async () => (await fetch(`http://${admin}/readyz`).catch(() => null))?.ok, 'switchyard to be ready', 15_000);
      return new StandaloneCluster(dir, Object.assign(serve, { admin }));
    } catch (err) {
      // A serve that never became ready must not outlive the test file (it would keep it running).
      await serve.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`switchyard serve did not start: ${(err as Error).message}\n${serve.stderr().slice(-1000)}`);
    }
  }

  get admin(): string {
    return this.#serve.admin;
  }

  /** Replaces the scenario objects and waits until that configuration is served. */
  async apply(objects: readonly Obj[]): Promise<void> {
    const step = ++this.#step;
    const file = join(this.#dir, 'test.yaml');
    // Atomic replace: the watcher must never read a half-written file.
    writeFileSync(`${file}.tmp`, toYaml([...objects, marker(step)]));
    renameSync(`${file}.tmp`, file);
    await waitFor(async () => (await this.get('ConfigMap', `${MARKER.namespace}/${MARKER.name}`))?.data?.step === String(step),
      `configuration step ${step} to be served (stderr: ${this.#serve.stderr().slice(-400)})`, 10_000);
  }

  /** The object with its computed status, or null when it is not loaded. */
  async get(kind: string, name: string): Promise<Obj | null> {
    if (!isKnownKind(kind)) throw new Error(`no admin path for kind ${kind}`);
    const spec = KNOWN_KINDS[kind];
    const [ns, local] = name.includes('/') ? name.split('/') as [string, string] : [null, name];
    const prefix = spec.group === '' ? `/api/${spec.versions[0]}` : `/apis/${spec.group}/${spec.versions[0]}`;
    const path = spec.namespaced ? `${prefix}/namespaces/${ns ?? 'default'}/${spec.plural}/${local}` : `${prefix}/${spec.plural}/${local}`;
    const res = await fetch(`http://${this.#serve.admin}${path}`);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return await res.json() as Obj;
  }

  async stop(): Promise<void> {
    await this.#serve.stop();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

function marker(step: number): Obj {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: MARKER, data: { step: String(step) } };
}

const toYaml = (objects: readonly Obj[]) => objects.map((o) => stringify(o)).join('---\n');
