/**
 * Compiles a route's (or a backendRef's) IR filter list into one FilterChain, once per IR. One
 * compile function per filter kind lives in its own file; adding a kind means a file and a case.
 */
import type { IrHttpFilter } from '../../ir/index.ts';
import { compileCors, type CompiledCors } from './cors.ts';
import { compileHeaderModifier, type HeaderEdit } from './header-modifier.ts';
import { compileRequestRedirect, type CompiledRedirect } from './request-redirect.ts';
import { compileUrlRewrite, type CompiledRewrite } from './url-rewrite.ts';

export { applyHeaderEdit, indexOfHeader, type HeaderEdit } from './header-modifier.ts';
export type { CompiledCors } from './cors.ts';
export type { CompiledRedirect, RedirectInput } from './request-redirect.ts';
export type { CompiledRewrite } from './url-rewrite.ts';

export interface FilterChain {
  readonly requestHeaders: readonly HeaderEdit[];
  readonly responseHeaders: readonly HeaderEdit[];
  /** When set, the gateway answers with a redirect and no backend is called. */
  readonly redirect: CompiledRedirect | null;
  readonly rewrite: CompiledRewrite | null;
  /** CORS: preflights answered by the gateway, allowed origins' responses decorated. */
  readonly cors: CompiledCors | null;
  /** RequestMirror filters, in order (the runtime resolves their clusters). */
  readonly mirrors: readonly MirrorSpec[];
  /** Filter kinds present in the IR that this data plane does not implement yet. */
  readonly unsupported: readonly IrHttpFilter['type'][];
}

/** A RequestMirror as the IR gives it: the mirror's cluster (null: unresolved, nothing mirrored) and its share. */
export interface MirrorSpec {
  readonly clusterId: string | null;
  readonly percent: number;
}

export const EMPTY_CHAIN: FilterChain = { requestHeaders: [], responseHeaders: [], redirect: null, rewrite: null, cors: null, mirrors: [], unsupported: [] };

export function compileFilterChain(filters: readonly IrHttpFilter[]): FilterChain {
  if (filters.length === 0) return EMPTY_CHAIN;
  const requestHeaders: HeaderEdit[] = [];
  const responseHeaders: HeaderEdit[] = [];
  const unsupported: IrHttpFilter['type'][] = [];
  let redirect: CompiledRedirect | null = null;
  let rewrite: CompiledRewrite | null = null;
  let cors: CompiledCors | null = null;
  const mirrors: MirrorSpec[] = [];
  for (const f of filters) {
    switch (f.type) {
      case 'RequestHeaderModifier':
        requestHeaders.push(compileHeaderModifier(f));
        break;
      case 'ResponseHeaderModifier':
        responseHeaders.push(compileHeaderModifier(f));
        break;
      case 'RequestRedirect':
        redirect = compileRequestRedirect(f);
        break;
      case 'URLRewrite':
        rewrite = compileUrlRewrite(f);
        break;
      case 'RequestMirror':
        mirrors.push({ clusterId: f.clusterId, percent: f.percent });
        break;
      case 'CORS':
        cors = compileCors(f);
        break;
    }
  }
  return { requestHeaders, responseHeaders, redirect, rewrite, cors, mirrors, unsupported };
}

/** Rule filters first, then the chosen backend's (spec order). */
export function concatChains(rule: FilterChain, backend: FilterChain): FilterChain {
  if (backend === EMPTY_CHAIN) return rule;
  if (rule === EMPTY_CHAIN) return backend;
  return {
    requestHeaders: [...rule.requestHeaders, ...backend.requestHeaders],
    responseHeaders: [...rule.responseHeaders, ...backend.responseHeaders],
    redirect: backend.redirect ?? rule.redirect,
    rewrite: backend.rewrite ?? rule.rewrite,
    cors: backend.cors ?? rule.cors,
    mirrors: [...rule.mirrors, ...backend.mirrors],
    unsupported: [...rule.unsupported, ...backend.unsupported],
  };
}
