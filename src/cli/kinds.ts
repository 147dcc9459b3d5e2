/** Resource names accepted by `switchyard get/describe`, as kubectl accepts them (plural, singular, short). */
import { KNOWN_KINDS, type KnownKind } from '../api/index.ts';

const SHORT_NAMES: Record<string, KnownKind> = {
  gc: 'GatewayClass', gtw: 'Gateway', svc: 'Service', ns: 'Namespace', cm: 'ConfigMap', lset: 'ListenerSet',
  refgrant: 'ReferenceGrant', btlspolicy: 'BackendTLSPolicy',
};

export function resolveKind(name: string): KnownKind | undefined {
  const lower = name.toLowerCase().split('.')[0]!;
  if (SHORT_NAMES[lower]) return SHORT_NAMES[lower];
  for (const [kind, info] of Object.entries(KNOWN_KINDS) as [KnownKind, (typeof KNOWN_KINDS)[KnownKind]][]) {
    if (lower === kind.toLowerCase() || lower === info.plural) return kind;
  }
  return undefined;
}

/** The admin API path for a kind, optionally scoped to a namespace and a name. */
export function resourcePath(kind: KnownKind, namespace: string | undefined, name?: string): string {
  const info = KNOWN_KINDS[kind];
  const version = info.versions[0];
  const prefix = info.group === '' ? `/api/${version}` : `/apis/${info.group}/${version}`;
  const scope = info.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${prefix}${scope}/${info.plural}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
}
