/**
 * HTTPRoute and GRPCRoute filters → IrHttpFilter.
 *
 * Three kinds of outcome, as the spec separates them:
 *  - an invalid or unsupported filter makes its rule invalid (UnsupportedValue, or IncompatibleFilters
 *    for combinations the spec forbids); the route phase drops the rule and reports it;
 *  - a RequestMirror whose backendRef cannot be resolved stays, mirroring nothing, and makes
 *    ResolvedRefs=False;
 *  - an ExtensionRef names a custom filter kind; Switchyard has none, and the spec says such a filter
 *    MUST NOT be skipped: requests it would have processed get an error response (`failClosed`),
 *    and ResolvedRefs=False/InvalidKind says why.
 */
import type { HttpHeaderFilter, HttpPathModifier, HttpRouteFilter } from '../api/index.ts';
import type { IrHeader, IrHeaderModifierFilter, IrHttpFilter, IrPathModifier, IrRequestRedirectFilter } from '../ir/index.ts';
import type { BackendResolver, RefOrigin } from './backend-refs.ts';
import { ConditionType, Reason, StatusError } from './conditions.ts';

export interface FilterEnv {
  readonly backends: BackendResolver;
  readonly origin: RefOrigin;
  readonly usage: 'HTTP' | 'GRPC';
  /**
   * The value of the rule's only match when that match is a PathPrefix (the spec requires exactly
   * one PathPrefix match for ReplacePrefixMatch), else null.
   */
  readonly singlePrefix: string | null;
}

export interface FilterResult {
  readonly filters: IrHttpFilter[];
  /** Set when the rule must be dropped: an Accepted-type error. */
  readonly invalid: StatusError | null;
  readonly refProblems: StatusError[];
  readonly failClosed: boolean;
}

const HTTP_FILTERS = new Set(['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'RequestRedirect', 'URLRewrite', 'CORS', 'ExtensionRef']);
const GRPC_FILTERS = new Set(['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror', 'ExtensionRef']);
/** Filters the spec allows more than once in one list. */
const REPEATABLE = new Set(['RequestMirror', 'ExtensionRef']);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const BAD_HEADER_VALUE = /[\r\n\0]/;
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

class Invalid extends Error {
  readonly reason: string;
  constructor(reason: string, message: string) {
    super(message);
    this.reason = reason;
  }
}
const unsupported = (message: string) => new Invalid(Reason.UnsupportedValue, message);

/** Translates one filter list (a rule's, or a backendRef's). `where` names it in messages. */
export function translateFilters(list: readonly HttpRouteFilter[] | undefined, env: FilterEnv, where: string): FilterResult {
  const filters: IrHttpFilter[] = [];
  const refProblems: StatusError[] = [];
  let failClosed = false;
  try {
    const seen = new Set<string>();
    for (const [i, f] of (list ?? []).entries()) {
      const at = `${where} filter ${i} (${f.type})`;
      const allowed = env.usage === 'GRPC' ? GRPC_FILTERS : HTTP_FILTERS;
      if (!allowed.has(f.type)) throw unsupported(`${at}: filter type ${f.type} is not supported${env.usage === 'GRPC' ? ' on a GRPCRoute' : ''}`);
      if (seen.has(f.type) && !REPEATABLE.has(f.type)) throw new Invalid(Reason.IncompatibleFilters, `${at}: ${f.type} may appear only once`);
      seen.add(f.type);
      if (seen.has('RequestRedirect') && seen.has('URLRewrite')) {
        throw new Invalid(Reason.IncompatibleFilters, `${where}: RequestRedirect and URLRewrite cannot be combined`);
      }
      switch (f.type) {
        case 'RequestHeaderModifier':
        case 'ResponseHeaderModifier': {
          const spec = f.type === 'RequestHeaderModifier' ? f.requestHeaderModifier : f.responseHeaderModifier;
          filters.push(headerModifier(f.type as IrHeaderModifierFilter['type'], spec, at));
          break;
        }
        case 'RequestRedirect':
          filters.push(redirect(f, env, at));
          break;
        case 'URLRewrite': {
          if (!f.urlRewrite) throw unsupported(`${at}: urlRewrite is missing`);
          const hostname = f.urlRewrite.hostname === undefined ? null : preciseHostname(f.urlRewrite.hostname, at);
          filters.push({ type: 'URLRewrite', hostname, path: pathModifier(f.urlRewrite.path, env, at) });
          break;
        }
        case 'RequestMirror': {
          const mirror = f.requestMirror;
          if (!mirror) throw unsupported(`${at}: requestMirror is missing`);
          const resolved = env.backends.resolve({ ...mirror.backendRef, weight: 1 }, env.origin, env.usage);
          if (resolved.problem) refProblems.push(resolved.problem);
          filters.push({ type: 'RequestMirror', clusterId: resolved.clusterId, percent: mirrorPercent(mirror, at) });
          break;
        }
        case 'CORS': {
          const c = f.cors ?? {};
          filters.push({
            type: 'CORS',
            allowOrigins: [...(c.allowOrigins ?? [])],
            allowCredentials: c.allowCredentials ?? false,
            allowMethods: [...(c.allowMethods ?? [])],
            allowHeaders: [...(c.allowHeaders ?? [])],
            exposeHeaders: [...(c.exposeHeaders ?? [])],
            maxAgeSeconds: c.maxAge ?? 5,
          });
          break;
        }
        case 'ExtensionRef': {
          const ref = f.extensionRef;
          const what = ref ? `${ref.group ? `${ref.group}/` : ''}${ref.kind} ${ref.name}` : '(missing extensionRef)';
          refProblems.push(new StatusError(ConditionType.ResolvedRefs, Reason.InvalidKind, `${at}: ExtensionRef ${what} is not a filter kind Switchyard supports; matching requests get HTTP 500`));
          failClosed = true;
          break;
        }
      }
    }
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { filters: [], invalid: new StatusError(ConditionType.Accepted, error.reason, error.message), refProblems, failClosed };
  }
  return { filters, invalid: null, refProblems, failClosed };
}

/**
 * The spec allows one action per header name across set, add and remove ("Filters specifying
 * multiple actions of the same or different type for any one header name are invalid"); names
 * compare case-insensitively. Values with CR, LF or NUL would split or truncate the header.
 */
function headerModifier(type: IrHeaderModifierFilter['type'], spec: HttpHeaderFilter | undefined, at: string): IrHeaderModifierFilter {
  if (!spec) throw unsupported(`${at}: the ${type === 'RequestHeaderModifier' ? 'requestHeaderModifier' : 'responseHeaderModifier'} field is missing`);
  const names = new Set<string>();
  const claim = (name: string) => {
    if (!HEADER_NAME.test(name)) throw unsupported(`${at}: invalid header name ${JSON.stringify(name)}`);
    const lower = name.toLowerCase();
    if (names.has(lower)) throw unsupported(`${at}: header ${name} is modified more than once`);
    names.add(lower);
    return lower;
  };
  const headers = (list: readonly { name: string; value: string }[] | undefined): IrHeader[] =>
    (list ?? []).map((h) => {
      claim(h.name);
      if (BAD_HEADER_VALUE.test(h.value)) throw unsupported(`${at}: the value of header ${h.name} contains CR, LF or NUL`);
      return { name: h.name, value: h.value };
    });
  const set = headers(spec.set);
  const add = headers(spec.add);
  const remove = (spec.remove ?? []).map(claim);
  return { type, set, add, remove };
}

function redirect(f: HttpRouteFilter, env: FilterEnv, at: string): IrRequestRedirectFilter {
  const r = f.requestRedirect;
  if (!r) throw unsupported(`${at}: requestRedirect is missing`);
  const statusCode = r.statusCode ?? 302;
  if (!REDIRECT_CODES.has(statusCode)) throw unsupported(`${at}: statusCode ${statusCode} is not one of 301, 302, 303, 307, 308`);
  if (r.scheme !== undefined && r.scheme !== 'http' && r.scheme !== 'https') throw unsupported(`${at}: scheme ${String(r.scheme)} is not http or https`);
  if (r.port !== undefined && !(Number.isInteger(r.port) && r.port >= 1 && r.port <= 65535)) throw unsupported(`${at}: port ${r.port} is out of range`);
  return {
    type: 'RequestRedirect',
    scheme: r.scheme ?? null,
    hostname: r.hostname === undefined ? null : preciseHostname(r.hostname, at),
    path: pathModifier(r.path, env, at),
    port: r.port ?? null,
    statusCode: statusCode as IrRequestRedirectFilter['statusCode'],
  };
}

function pathModifier(path: HttpPathModifier | undefined, env: FilterEnv, at: string): IrPathModifier | null {
  if (!path) return null;
  if (path.type === 'ReplaceFullPath') {
    if (path.replaceFullPath === undefined) throw unsupported(`${at}: ReplaceFullPath needs replaceFullPath`);
    return { type: 'ReplaceFullPath', value: path.replaceFullPath };
  }
  if (path.type === 'ReplacePrefixMatch') {
    if (path.replacePrefixMatch === undefined) throw unsupported(`${at}: ReplacePrefixMatch needs replacePrefixMatch`);
    if (env.singlePrefix === null) throw unsupported(`${at}: ReplacePrefixMatch needs the rule to have exactly one match, of type PathPrefix`);
    return { type: 'ReplacePrefixMatch', value: path.replacePrefixMatch, matchedPrefix: env.singlePrefix };
  }
  throw unsupported(`${at}: path modifier type ${String((path as { type: unknown }).type)} is not supported`);
}

function preciseHostname(hostname: string, at: string): string {
  const lower = hostname.toLowerCase();
  if (!PRECISE_HOSTNAME.test(lower)) throw unsupported(`${at}: ${JSON.stringify(hostname)} is not a valid hostname`);
  return lower;
}

/** percent, or fraction numerator/denominator (denominator defaults to 100) as a percentage. */
function mirrorPercent(mirror: NonNullable<HttpRouteFilter['requestMirror']>, at: string): number {
  if (mirror.percent !== undefined && mirror.fraction !== undefined) throw unsupported(`${at}: only one of percent and fraction may be set`);
  if (mirror.fraction) {
    const { numerator, denominator = 100 } = mirror.fraction;
    if (!(denominator > 0) || numerator < 0 || numerator > denominator) throw unsupported(`${at}: fraction ${numerator}/${denominator} is not between 0 and 1`);
    return (numerator * 100) / denominator;
  }
  const percent = mirror.percent ?? 100;
  if (percent < 0 || percent > 100) throw unsupported(`${at}: percent ${percent} is not between 0 and 100`);
  return percent;
}
