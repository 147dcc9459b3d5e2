/**
 * RequestRedirect: builds the Location from the request and the filter. Port rules from the spec:
 * an explicit port wins; else a configured scheme implies its well-known port; else the listener's
 * port. The port is left out of Location when it is the default for the resulting scheme.
 */
import type { IrRequestRedirectFilter } from '../../ir/index.ts';
import { compilePathModifier, type PathRewrite } from './path-modifier.ts';

export interface RedirectInput {
  /** Scheme the client used on this listener: `http` for cleartext sockets. */
  readonly scheme: 'http' | 'https';
  /** Request host, lower-case, without port. */
  readonly host: string;
  /** Port of the listener that received the request. */
  readonly listenerPort: number;
  readonly path: string;
  /** Raw query without `?`, '' when none. */
  readonly query: string;
}

export interface CompiledRedirect {
  readonly statusCode: number;
  location(input: RedirectInput): string;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

export function compileRequestRedirect(f: IrRequestRedirectFilter): CompiledRedirect {
  const path: PathRewrite | null = f.path === null ? null : compilePathModifier(f.path);
  return {
    statusCode: f.statusCode,
    location(input) {
      const scheme = f.scheme ?? input.scheme;
      const port = f.port ?? (f.scheme !== null ? DEFAULT_PORTS[f.scheme]! : input.listenerPort);
      const host = f.hostname ?? input.host;
      const authority = port === DEFAULT_PORTS[scheme] ? host : `${host}:${port}`;
      const p = path === null ? input.path : path(input.path);
      return `${scheme}://${authority}${p}${input.query === '' ? '' : `?${input.query}`}`;
    },
  };
}
