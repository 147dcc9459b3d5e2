/** `switchyard get KIND [NAME] [-n NS | -A] [-o json|yaml]` — kubectl get, against the admin API. */
import { stringify } from 'yaml';
import { KNOWN_KINDS, type KnownKind, type KubeObject } from '../api/index.ts';
import { age, conditionStatus, table } from './format.ts';
import { resolveKind, resourcePath } from './kinds.ts';
import { adminGet, type AdminClientOptions } from './admin-client.ts';

type Column = [header: string, value: (o: KubeObject, now: number) => string];

const spec = (o: KubeObject) => (o.spec ?? {}) as Record<string, unknown>;
const status = (o: KubeObject) => (o.status ?? {}) as Record<string, unknown>;
const AGE: Column = ['AGE', (o, now) => age(o, now)];
const HOSTNAMES: Column = ['HOSTNAMES', (o) => {
  const h = spec(o).hostnames as string[] | undefined;
  return h && h.length > 0 ? `[${h.map((x) => `"${x}"`).join(',')}]` : '';
}];

/** The printer columns of each kind (from the Gateway API CRDs, and kubectl's for core kinds). */
const COLUMNS: Partial<Record<KnownKind, Column[]>> = {
  GatewayClass: [['CONTROLLER', (o) => String(spec(o).controllerName ?? '')], ['ACCEPTED', (o) => conditionStatus(o, 'Accepted')], AGE],
  Gateway: [
    ['CLASS', (o) => String(spec(o).gatewayClassName ?? '')],
    ['ADDRESS', (o) => ((status(o).addresses as { value: string }[] | undefined) ?? []).map((a) => a.value).join(',')],
    ['PROGRAMMED', (o) => conditionStatus(o, 'Programmed')],
    AGE,
  ],
  ListenerSet: [['ACCEPTED', (o) => conditionStatus(o, 'Accepted')], ['PROGRAMMED', (o) => conditionStatus(o, 'Programmed')], AGE],
  HTTPRoute: [HOSTNAMES, AGE],
  GRPCRoute: [HOSTNAMES, AGE],
  Service: [
    ['TYPE', (o) => String(spec(o).type ?? 'ClusterIP')],
    ['PORT(S)', (o) => ((spec(o).ports as { port: number; protocol?: string }[] | undefined) ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',')],
    AGE,
  ],
};

export interface GetArgs extends AdminClientOptions {
  readonly resource: string;
  readonly name?: string | undefined;
  readonly namespace?: string | undefined;
  readonly allNamespaces: boolean;
  readonly output?: 'json' | 'yaml' | undefined;
}

export async function runGet(args: GetArgs, now = Date.now()): Promise<string> {
  const kind = resolveKind(args.resource);
  if (!kind) throw new Error(`the server doesn't have a resource type "${args.resource}"`);
  const namespaced = KNOWN_KINDS[kind].namespaced;
  const namespace = args.allNamespaces || !namespaced ? undefined : (args.namespace ?? 'default');
  const body = await adminGet(args, resourcePath(kind, namespace, args.name));
  if (args.output === 'json') return JSON.stringify(body, null, 2) + '\n';
  if (args.output === 'yaml') return stringify(body);
  const items = args.name !== undefined ? [body as KubeObject] : (body as { items: KubeObject[] }).items;
  if (items.length === 0) {
    return namespace !== undefined ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
  }
  const columns = COLUMNS[kind] ?? [AGE];
  const showNamespace = args.allNamespaces && namespaced;
  const header = [...(showNamespace ? ['NAMESPACE'] : []), 'NAME', ...columns.map(([h]) => h)];
  const rows = items.map((o) => [...(showNamespace ? [o.metadata.namespace ?? ''] : []), o.metadata.name, ...columns.map(([, f]) => f(o, now))]);
  return table(header, rows);
}
