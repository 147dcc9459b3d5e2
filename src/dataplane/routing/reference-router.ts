/**
 * The naive reference matcher: a direct reading of the Gateway API text with no precomputation.
 * Too slow for traffic; it exists so the shared suite and the property test can hold the compiled
 * router to the spec. Keep it obviously correct rather than fast.
 */
import { RE2JS } from 're2js';
import type { IrHttpMatch, IrNamedMatch, IrSocket } from '../../ir/index.ts';
import { hostnameMatches } from './host.ts';
import type { RouteRequest } from './request.ts';
import type { Router } from './router.ts';

export function referenceRouter(socket: IrSocket): Router<string> {
  return {
    match(req) {
      const listener = socket.listeners.find((l) => hostnameMatches(l.hostname, req.host));
      const vhost = listener?.virtualHosts.find((v) => hostnameMatches(v.hostname, req.host));
      return vhost?.routes.find((r) => matches(r.match, req))?.id;
    },
    listenerOf(host) {
      return socket.listeners.find((l) => hostnameMatches(l.hostname, host))?.id;
    },
  };
}

function matches(m: IrHttpMatch, req: RouteRequest): boolean {
  if (m.method !== null && m.method !== req.method) return false;
  if (!pathMatches(m, req.path)) return false;
  const params = new URLSearchParams(req.query);
  return firstByName(m.headers, (n) => n.toLowerCase()).every((h) => {
    const raw = req.headers[h.name.toLowerCase()];
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    return value !== undefined && valueMatches(h, value);
  }) && firstByName(m.queryParams, (n) => n).every((q) => {
    const value = params.get(q.name);
    return value !== null && valueMatches(q, value);
  });
}

function pathMatches(m: IrHttpMatch, path: string): boolean {
  switch (m.path.type) {
    case 'Exact':
      return path === m.path.value;
    case 'RegularExpression':
      return RE2JS.compile(m.path.value).matches(path);
    case 'PathPrefix': {
      // Element by element; a trailing '/' in the prefix is ignored.
      const want = m.path.value.replace(/\/+$/, '').split('/');
      if (want.length === 1 && want[0] === '') return true;
      const have = path.split('/');
      return want.every((element, i) => have[i] === element);
    }
  }
}

function valueMatches(m: IrNamedMatch, value: string): boolean {
  return m.type === 'Exact' ? value === m.value : RE2JS.compile(m.value).matches(value);
}

function firstByName(list: readonly IrNamedMatch[], key: (name: string) => string): IrNamedMatch[] {
  return list.filter((m, i) => list.findIndex((o) => key(o.name) === key(m.name)) === i);
}
