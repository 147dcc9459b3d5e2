/**
 * HTTPRoute and GRPCRoute filters: each filter type has its own field, required when the type is
 * chosen and forbidden otherwise; some types may appear only once per list.
 */
import type { HttpPathModifier, HttpRouteFilter } from '../../api/index.ts';
import * as F from './fields.ts';
import * as P from './patterns.ts';
import { arr, bool, int, obj, str, type Rule, type Schema } from './schema.ts';

/** Filter type → the field that configures it. */
const FIELD_OF_TYPE: Readonly<Record<string, string>> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
  CORS: 'cors',
  ExternalAuth: 'externalAuth',
};

const pathModifier = () => obj<HttpPathModifier>({
  type: str({ enum: ['ReplaceFullPath', 'ReplacePrefixMatch'] }),
  replaceFullPath: str({ maxLength: 1024 }),
  replacePrefixMatch: str({ maxLength: 1024 }),
}, {
  required: ['type'],
  rules: [(p, report) => {
    for (const [type, field] of [['ReplaceFullPath', 'replaceFullPath'], ['ReplacePrefixMatch', 'replacePrefixMatch']] as const) {
      if (p.type === type && p[field] === undefined) report(field, `${field} must be specified when type is set to '${type}'`);
      if (p.type !== type && p[field] !== undefined) report(field, `type must be '${type}' when ${field} is set`);
    }
  }],
});

type Mirror = NonNullable<HttpRouteFilter['requestMirror']>;
const requestMirror = () => obj<Mirror>({
  backendRef: obj(F.backendRefFields(), { required: ['name'], rules: [F.serviceNeedsPort] }),
  percent: int({ minimum: 0, maximum: 100 }),
  fraction: obj<NonNullable<Mirror['fraction']>>({ numerator: int({ minimum: 0 }), denominator: int({ minimum: 1 }) }, {
    required: ['numerator'],
    rules: [(f, report) => { if (f.numerator > (f.denominator ?? 100)) report('numerator', 'numerator must be less than or equal to denominator'); }],
  }),
}, {
  required: ['backendRef'],
  rules: [(m, report) => { if (m.percent !== undefined && m.fraction !== undefined) report([], 'only one of percent or fraction may be specified'); }],
});

/** CEL on CORS lists: "*" stands alone. */
const wildcardAlone = (what: string): Rule<string[]> => (values, report) => {
  if (values.includes('*') && values.length > 1) report([], `${what} cannot contain '*' alongside other values`);
};
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];
const cors = () => obj({
  allowOrigins: arr(str({ pattern: P.CORS_ORIGIN, minLength: 1, maxLength: 253 }), { maxItems: 64, unique: 'set', rules: [wildcardAlone('allowOrigins')] }),
  allowCredentials: bool(),
  allowMethods: arr(str({ enum: [...HTTP_METHODS, '*'] }), { maxItems: 9, unique: 'set', rules: [wildcardAlone('allowMethods')] }),
  allowHeaders: arr(F.headerName(), { maxItems: 64, unique: 'set', rules: [wildcardAlone('allowHeaders')] }),
  exposeHeaders: arr(F.headerName(), { maxItems: 64, unique: 'set' }),
  maxAge: int({ minimum: 1 }),
});

interface ExternalAuth { backendRef: unknown; protocol: 'HTTP' | 'GRPC'; http?: unknown; grpc?: unknown }
const externalAuth = () => obj<ExternalAuth>({
  backendRef: obj(F.backendRefFields(), { required: ['name'], rules: [F.serviceNeedsPort] }),
  protocol: str({ enum: ['HTTP', 'GRPC'] }),
  grpc: obj({ allowedHeaders: arr(str(), { maxItems: 64, unique: 'set' }) }),
  http: obj({
    path: str({ pattern: P.PATH_CHARACTERS, maxLength: 1024 }),
    allowedHeaders: arr(str(), { maxItems: 64, unique: 'set' }),
    allowedResponseHeaders: arr(str(), { maxItems: 64, unique: 'set' }),
  }),
  forwardBody: obj({ maxSize: int({ minimum: 0 }) }),
}, {
  required: ['backendRef', 'protocol'],
  rules: [(a, report) => {
    for (const [protocol, field] of [['GRPC', 'grpc'], ['HTTP', 'http']] as const) {
      if (a.protocol === protocol && a[field] === undefined) report(field, `${field} must be specified when protocol is set to '${protocol}'`);
      if (a.protocol !== protocol && a[field] !== undefined) report(field, `protocol must be '${protocol}' when ${field} is set`);
    }
  }],
});

/** CEL: the field named after the type is required, every other type's field forbidden. */
const typeMatchesField = (types: readonly string[]): Rule<HttpRouteFilter> => (f, report) => {
  for (const type of types) {
    const field = FIELD_OF_TYPE[type]!;
    if (f.type === type && f[field] === undefined) report(field, `${field} must be specified for filter type ${type}`);
    if (f.type !== type && f[field] !== undefined) report(field, `${field} must not be set when the filter type is ${f.type} (it belongs to type ${type})`);
  }
};

const httpFilterFields = (): Record<string, Schema> => ({
  requestHeaderModifier: F.headerModifier(),
  responseHeaderModifier: F.headerModifier(),
  requestMirror: requestMirror(),
  requestRedirect: obj({
    scheme: str({ enum: ['http', 'https'] }),
    hostname: F.hostname(),
    path: pathModifier(),
    port: F.port(),
    statusCode: int({ enum: [301, 302, 303, 307, 308] }),
  }),
  urlRewrite: obj({ hostname: F.hostname(), path: pathModifier() }),
  extensionRef: F.localRef(),
  cors: cors(),
  externalAuth: externalAuth(),
});

/** Filter list CEL: a redirect and a rewrite exclude each other; these types appear at most once. */
const filterList = (once: readonly string[]): Rule<HttpRouteFilter[]> => (filters, report) => {
  const types = filters.map((f) => f.type);
  if (types.includes('RequestRedirect') && types.includes('URLRewrite')) {
    report(types.indexOf('URLRewrite'), 'may specify either a RequestRedirect or a URLRewrite filter, but not both');
  }
  for (const type of once) {
    const at = types.indexOf(type);
    const again = types.indexOf(type, at + 1);
    if (at >= 0 && again >= 0) report(again, `${type} filter cannot be repeated (first at [${at}])`);
  }
};

export const httpFilters = () => {
  const types = Object.keys(FIELD_OF_TYPE);
  const filter = obj<HttpRouteFilter>({ type: str({ enum: types }), ...httpFilterFields() }, { required: ['type'], rules: [typeMatchesField(types)] });
  return arr(filter, {
    maxItems: 16,
    rules: [filterList(['CORS', 'RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite'])],
  });
};

/** GRPCRoute filters: the header modifiers, mirrors and extension references only. */
export const grpcFilters = () => {
  const all = httpFilterFields();
  const types = ['ResponseHeaderModifier', 'RequestHeaderModifier', 'RequestMirror', 'ExtensionRef'];
  const fields = Object.fromEntries(types.map((t) => [FIELD_OF_TYPE[t]!, all[FIELD_OF_TYPE[t]!]!]));
  const filter = obj<HttpRouteFilter>({ type: str({ enum: types }), ...fields }, { required: ['type'], rules: [typeMatchesField(types)] });
  return arr(filter, { maxItems: 16, rules: [filterList(['RequestHeaderModifier', 'ResponseHeaderModifier'])] });
};
