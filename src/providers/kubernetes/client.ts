/**
 * A minimal Kubernetes API client over node:http/node:https: JSON requests and watch streams.
 *
 * Why not @kubernetes/client-node: Switchyard needs six verbs (list, watch, get, create, update,
 * patch) on a handful of resources. That package brings ~40 transitive dependencies and generated
 * models for every API, and its informer hides the details we must control (bookmarks, 410
 * handling, resume points). The protocol itself is small and stable, and tests drive this client
 * against test/helpers/fake-apiserver.ts, which speaks it.
 */
import http from 'node:http';
import https from 'node:https';
import type { ClusterConfig } from './kubeconfig.ts';

/** A non-2xx answer, with the `Status` object the API server sent. */
export class KubeApiError extends Error {
  readonly status: number;
  readonly reason: string;
  constructor(status: number, reason: string, message: string) {
    super(message);
    this.name = 'KubeApiError';
    this.status = status;
    this.reason = reason;
  }
}

export interface WatchEvent<T = Record<string, unknown>> {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: T;
}

export type PatchType = 'application/merge-patch+json' | 'application/strategic-merge-patch+json' | 'application/json-patch+json';

export class KubeClient {
  readonly config: ClusterConfig;
  readonly #agent: http.Agent;
  readonly #request: typeof http.request;

  constructor(config: ClusterConfig) {
    this.config = config;
    const secure = config.server.startsWith('https:');
    this.#request = secure ? https.request : http.request;
    this.#agent = secure
      ? new https.Agent({
          keepAlive: true,
          ...(config.ca !== undefined && { ca: config.ca }),
          ...(config.cert !== undefined && { cert: config.cert }),
          ...(config.key !== undefined && { key: config.key }),
          rejectUnauthorized: !config.insecureSkipTlsVerify,
        })
      : new http.Agent({ keepAlive: true });
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  create<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  replace<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown, type: PatchType = 'application/merge-patch+json'): Promise<T> {
    return this.request<T>('PATCH', path, body, type);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  request<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = this.#request(this.config.server + path, {
        method, agent: this.#agent, headers: this.#headers(payload === undefined ? undefined : contentType),
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const parsed = safeJson(text);
          if ((res.statusCode ?? 0) >= 300) return reject(apiError(res.statusCode ?? 0, parsed, text, `${method} ${path}`));
          resolve(parsed as T);
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: no answer in 30 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /**
   * Opens a watch and yields its events until the server ends the stream or `signal` aborts.
   * The caller adds `watch=1`, `resourceVersion`, `allowWatchBookmarks` and `timeoutSeconds` to `path`.
   * Rejects with KubeApiError when the server refuses the watch (e.g. 410 Gone before streaming).
   */
  async *watch<T = Record<string, unknown>>(path: string, signal: AbortSignal): AsyncGenerator<WatchEvent<T>> {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      // Watches get their own connection (no agent): they are long-lived and must not hold a pooled socket.
      const req = this.#request(this.config.server + path, { method: 'GET', signal, headers: this.#headers(undefined), ...this.#tlsOptions() }, resolve);
      req.on('error', reject);
      req.end();
    });
    if ((res.statusCode ?? 0) >= 300) {
      const text = await readAll(res);
      throw apiError(res.statusCode ?? 0, safeJson(text), text, `watch ${path}`);
    }
    let buffered = '';
    try {
      for await (const chunk of res) {
        buffered += (chunk as Buffer).toString('utf8');
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline).trim();
          buffered = buffered.slice(newline + 1);
          if (line) yield JSON.parse(line) as WatchEvent<T>;
        }
      }
    } finally {
      res.destroy();
    }
  }

  close(): void {
    this.#agent.destroy();
  }

  #tlsOptions(): https.RequestOptions {
    const c = this.config;
    if (!c.server.startsWith('https:')) return {};
    return {
      ...(c.ca !== undefined && { ca: c.ca }), ...(c.cert !== undefined && { cert: c.cert }),
      ...(c.key !== undefined && { key: c.key }), rejectUnauthorized: !c.insecureSkipTlsVerify,
    };
  }

  #headers(contentType: string | undefined): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'switchyard-controller' };
    if (contentType) headers['content-type'] = contentType;
    const token = this.config.token?.();
    if (token) headers.authorization = `Bearer ${token}`;
    return headers;
  }
}

function safeJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { message: text };
  }
}

function apiError(status: number, parsed: unknown, text: string, what: string): KubeApiError {
  const s = parsed as { reason?: string; message?: string };
  return new KubeApiError(status, s.reason ?? String(status), `${what}: ${status} ${s.message ?? text.slice(0, 200)}`);
}

async function readAll(res: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
