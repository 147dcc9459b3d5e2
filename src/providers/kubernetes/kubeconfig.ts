/**
 * Finding the cluster the standard way, as client-go does:
 *   1. `--kubeconfig PATH` when given;
 *   2. in-cluster: the service account token and CA under /var/run/secrets/kubernetes.io/serviceaccount
 *      with KUBERNETES_SERVICE_HOST/PORT;
 *   3. `KUBECONFIG` (the first file of the list that exists);
 *   4. `~/.kube/config`.
 * Kubeconfig support covers what clusters hand out without plugins: server, CA (file or data),
 * bearer token (or tokenFile), client certificate and key (file or data), insecure-skip-tls-verify.
 * `exec` and `auth-provider` credential plugins are not run (documented in docs/kubernetes.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export interface ClusterConfig {
  /** `https://host:port` (or `http://` for a local proxy or a test server). */
  readonly server: string;
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly insecureSkipTlsVerify?: boolean;
  /** Read per request: service account tokens are rotated on disk (bound tokens expire within the hour). */
  readonly token?: () => string;
  /** Where the config came from, for logs. */
  readonly source: string;
  /** The namespace of the current context / service account, when known. */
  readonly namespace?: string;
}

interface NamedEntry<T> { name: string; [key: string]: T | string }

export interface FindOptions {
  readonly kubeconfig?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly serviceAccountDir?: string;
  readonly home?: string;
}

export function findClusterConfig(options: FindOptions = {}): ClusterConfig {
  const env = options.env ?? process.env;
  if (options.kubeconfig) return loadKubeconfig(options.kubeconfig);
  const saDir = options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  if (env.KUBERNETES_SERVICE_HOST && existsSync(join(saDir, 'token'))) return inClusterConfig(env, saDir);
  for (const file of (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean)) {
    if (existsSync(file)) return loadKubeconfig(file);
  }
  const fallback = join(options.home ?? homedir(), '.kube', 'config');
  if (existsSync(fallback)) return loadKubeconfig(fallback);
  throw new Error('no cluster found: not in a pod (no service account token), KUBECONFIG unset or missing, no ~/.kube/config; pass --kubeconfig PATH');
}

function inClusterConfig(env: NodeJS.ProcessEnv, saDir: string): ClusterConfig {
  const host = env.KUBERNETES_SERVICE_HOST!;
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  const tokenFile = join(saDir, 'token');
  const namespaceFile = join(saDir, 'namespace');
  return {
    server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    ca: readFileSync(join(saDir, 'ca.crt'), 'utf8'),
    token: () => readFileSync(tokenFile, 'utf8').trim(),
    source: 'in-cluster service account',
    ...(existsSync(namespaceFile) && { namespace: readFileSync(namespaceFile, 'utf8').trim() }),
  };
}

export function loadKubeconfig(file: string): ClusterConfig {
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const base = dirname(file);
  const contextName = doc['current-context'] as string | undefined;
  const find = <T>(list: unknown, name: string | undefined, field: string): T => {
    const entries = (list ?? []) as NamedEntry<T>[];
    const entry = name === undefined ? entries[0] : entries.find((e) => e.name === name);
    if (!entry) throw new Error(`${file}: no ${field} named "${name ?? '(first)'}"`);
    return entry[field] as T;
  };
  const context = find<{ cluster: string; user?: string; namespace?: string }>(doc.contexts, contextName, 'context');
  const cluster = find<Record<string, unknown>>(doc.clusters, context.cluster, 'cluster');
  const user = context.user ? find<Record<string, unknown>>(doc.users, context.user, 'user') ?? {} : {};
  if (user.exec || user['auth-provider']) throw new Error(`${file}: credential plugins (exec/auth-provider) are not supported; use a token or client certificate`);
  const readData = (dataKey: string, fileKey: string): string | undefined => {
    if (typeof cluster[dataKey] === 'string' || typeof user[dataKey] === 'string') {
      return Buffer.from(String(cluster[dataKey] ?? user[dataKey]), 'base64').toString('utf8');
    }
    const path = (cluster[fileKey] ?? user[fileKey]) as string | undefined;
    return path === undefined ? undefined : readFileSync(isAbsolute(path) ? path : join(base, path), 'utf8');
  };
  const ca = readData('certificate-authority-data', 'certificate-authority');
  const cert = readData('client-certificate-data', 'client-certificate');
  const key = readData('client-key-data', 'client-key');
  const tokenFile = user.tokenFile as string | undefined;
  const token = typeof user.token === 'string' ? () => user.token as string
    : tokenFile ? () => readFileSync(isAbsolute(tokenFile) ? tokenFile : join(base, tokenFile), 'utf8').trim() : undefined;
  return {
    server: String(cluster.server).replace(/\/$/, ''),
    source: `${file} (context ${contextName ?? 'first'})`,
    ...(ca !== undefined && { ca }),
    ...(cert !== undefined && { cert }),
    ...(key !== undefined && { key }),
    ...(cluster['insecure-skip-tls-verify'] === true && { insecureSkipTlsVerify: true }),
    ...(token && { token }),
    ...(context.namespace && { namespace: context.namespace }),
  };
}
