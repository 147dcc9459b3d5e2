/**
 * Admission of one parsed object, as the API server would: is it a Kubernetes object, a kind
 * Switchyard reads, in a version it serves, valid against its schema once defaulted? An admitted
 * object comes out with the cluster's defaults applied; a rejected one with the reasons, each at
 * its file and line.
 */
import { isKnownKind, KNOWN_KINDS, parseApiVersion, apiVersionOf, type KubeObject, type KnownKind } from '../../api/index.ts';
import { objectKey } from '../../store/index.ts';
import { diagnostic, resourceName, type Diagnostic } from '../diagnostics.ts';
import { formatPath, validateObject } from '../validation/index.ts';
import { applyDefaults, writtenPath } from './defaults.ts';
import type { RawObject } from './parse.ts';

export interface Admission {
  /** The store key (`Kind/namespace/name`), when the object is of a known kind and has a name. */
  readonly key?: string;
  /** The defaulted object, when admitted. */
  readonly object?: KubeObject;
  readonly diagnostics: readonly Diagnostic[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'Pod', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController']);

/** What to do about a kind Switchyard does not read. */
export function unknownKindAdvice(kind: string): string {
  if (WORKLOAD_KINDS.has(kind)) {
    return 'standalone mode runs no workloads; describe its endpoints with an EndpointSlice (discovery.k8s.io/v1) labelled kubernetes.io/service-name: <service>';
  }
  if (kind === 'Endpoints') return 'Switchyard reads endpoints from EndpointSlices (discovery.k8s.io/v1) labelled kubernetes.io/service-name: <service>';
  if (kind === 'Ingress') return 'describe the same routing with a Gateway and HTTPRoutes (gateway.networking.k8s.io/v1)';
  return 'not read by Switchyard';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function admitObject(raw: RawObject, file: string): Admission {
  const at = (line = raw.line) => ({ file, line });
  const value = raw.value;
  if (!isRecord(value)) {
    return { diagnostics: [diagnostic('SY_ERR_CONFIG_SHAPE', at(), `expected a Kubernetes object (a mapping with apiVersion, kind and metadata), got ${Array.isArray(value) ? 'a list' : typeof value}`)] };
  }
  const { apiVersion, kind, metadata } = value;
  const missing = [
    typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion' : undefined,
    typeof kind !== 'string' || kind === '' ? 'kind' : undefined,
  ].filter((f) => f !== undefined);
  if (missing.length > 0) {
    return { diagnostics: [diagnostic('SY_ERR_CONFIG_SHAPE', at(), `not a Kubernetes object: ${missing.join(' and ')} must be set (strings)`)] };
  }
  const kindName = kind as string;
  const name = isRecord(metadata) && typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : undefined;
  const namespace = isRecord(metadata) && typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const { group, version } = parseApiVersion(apiVersion as string);

  if (!isKnownKind(kindName) || KNOWN_KINDS[kindName].group !== group) {
    // Same kind name, another group (an Istio Gateway, say): a different kind, so ignored, not an error.
    const advice = isKnownKind(kindName)
      ? `not read by Switchyard, which reads ${kindName} from ${KNOWN_KINDS[kindName].versions.map((v) => apiVersionOf(KNOWN_KINDS[kindName].group, v)).join(', ')}`
      : unknownKindAdvice(kindName);
    return { diagnostics: [diagnostic('SY_WARN_CONFIG_UNKNOWN_KIND', at(), `${kindName} (${apiVersion as string}) ignored: ${advice}`, { resource: name && resourceName(kindName, name, namespace) })] };
  }
  const spec = KNOWN_KINDS[kindName as KnownKind];
  if (name === undefined) {
    const hint = isRecord(metadata) && metadata.generateName !== undefined ? ' (generateName is not supported: nothing generates names in standalone mode)' : '';
    return { diagnostics: [diagnostic('SY_ERR_CONFIG_SHAPE', at(raw.lineOf(['metadata'])), `${kindName}: metadata.name must be set${hint}`)] };
  }
  const resource = resourceName(kindName, name, spec.namespaced ? (namespace ?? 'default') : undefined);
  if (!(spec.versions as readonly string[]).includes(version)) {
    const supported = spec.versions.map((v) => apiVersionOf(spec.group, v)).join(', ');
    return { diagnostics: [diagnostic('SY_ERR_CONFIG_VERSION', at(raw.lineOf(['apiVersion'])), `apiVersion ${apiVersion as string} is not served for ${kindName}; use one of: ${supported}`, { resource })] };
  }

  const diagnostics: Diagnostic[] = [];
  let object = value as KubeObject;
  if (!spec.namespaced && namespace !== undefined) {
    diagnostics.push(diagnostic('SY_WARN_CONFIG_UNKNOWN_FIELD', at(raw.lineOf(['metadata', 'namespace'])), `${kindName} is cluster-scoped: metadata.namespace is ignored`, { resource }));
    const { namespace: _ignored, ...meta } = object.metadata;
    object = { ...object, metadata: meta };
  }
  // The API server's order: defaults first, then the schema and CEL validation of the result (a
  // CEL rule sees `tls.mode: Terminate` even where the manifest leaves it out). Diagnostics point at
  // the lines as written.
  const defaulted = applyDefaults(object, spec.namespaced);
  for (const issue of validateObject(kindName, version, defaulted)) {
    const code = issue.severity === 'error' ? 'SY_ERR_CONFIG_INVALID' : issue.message.startsWith('unknown field') ? 'SY_WARN_CONFIG_UNKNOWN_FIELD' : 'SY_WARN_CONFIG_SUSPICIOUS';
    const path = writtenPath(object, issue.path);
    diagnostics.push(diagnostic(code, at(raw.lineOf(path)), issue.message, { resource, field: formatPath(path) }));
  }
  const key = objectKey({ kind: kindName, metadata: { name, ...(spec.namespaced && { namespace: namespace ?? 'default' }) } });
  if (diagnostics.some((d) => d.severity === 'error')) return { key, diagnostics };
  return { key, object: defaulted, diagnostics };
}
